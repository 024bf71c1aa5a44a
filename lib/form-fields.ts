import { z } from "zod";

// Form fields that many schemas read the same way.

/** A row id from a form or a URL: a positive integer that fits PostgreSQL's `integer`. */
export const id = z.coerce.number().int().positive().max(2_147_483_647);

/** A checkbox: "on" when ticked, absent when not. */
export const checkbox = z
  .enum(["on"])
  .optional()
  .transform((v) => v === "on");

/** The name of a public page in its address (/campaigns/<slug>, /events/<slug>, /drives/<slug>). */
export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "campaigns.slugFormat");

import { z } from "zod";
import { checkbox, id, slug } from "@/lib/form-fields";
import { parseShanghaiDate, parseShanghaiDateTime } from "@/lib/time";

const dateTime = z
  .string()
  .min(1)
  .transform((v, ctx) => {
    const d = parseShanghaiDateTime(v);
    if (!d) ctx.addIssue({ code: "custom", message: "errors.invalidDate" });
    return d ?? new Date(NaN);
  });

const day = z
  .string()
  .min(1)
  .transform((v, ctx) => {
    const d = parseShanghaiDate(v);
    if (!d) ctx.addIssue({ code: "custom", message: "errors.invalidDate" });
    return v;
  });

// Mainland mobile and landline numbers, written with or without spaces and dashes.
const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\+?\d{7,15}$/, "events.phoneFormat"));

/** Everyone booking gives these; the hidden `website` field is the honeypot bots fill in. */
const bookingBase = z.object({
  sessionId: id,
  name: z.string().trim().min(1).max(60),
  email: z.email().trim().toLowerCase().max(200),
  phone,
  joinWaitlist: checkbox,
  website: z.string().max(200).optional().default(""),
});

export const visitorBookingSchema = bookingBase.extend({
  partySize: z.coerce.number().int().min(1, "events.partyRange").max(6, "events.partyRange"),
});
export type VisitorBookingInput = z.output<typeof visitorBookingSchema>;

export const classBookingSchema = bookingBase.extend({
  pupils: z.coerce.number().int().min(1).max(200),
  adults: z.coerce.number().int().min(0).max(20),
});
export type ClassBookingInput = z.output<typeof classBookingSchema>;

export const tokenSchema = z.object({ token: z.string().min(20).max(100) });

export const eventSchema = z
  .object({
    slug,
    kind: z.enum(["exhibition", "activity", "lecture", "outreach"]),
    title: z.string().trim().min(1).max(120),
    description: z.string().max(20_000),
    venue: z.string().trim().max(200),
    village: z.string().trim().max(100),
    startsAt: dateTime,
    endsAt: dateTime,
    cover: z.instanceof(File).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.startsAt.getTime() >= v.endsAt.getTime()) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "eventsAdmin.endAfterStart" });
    if (v.kind === "outreach" && !v.village) ctx.addIssue({ code: "custom", path: ["village"], message: "eventsAdmin.villageRequired" });
  });
export type EventInput = Omit<z.output<typeof eventSchema>, "cover">;

export const eventIdSchema = z.object({ eventId: id });
export const eventUpdateSchema = z.intersection(eventIdSchema, eventSchema);
export const eventStatusSchema = eventIdSchema.extend({ status: z.enum(["draft", "published", "archived"]) });

const timeOfDay = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A run of sessions: every day (or the chosen weekdays) in a range, at each time window. */
export const sessionRunSchema = z
  .object({
    eventId: id,
    fromDay: day,
    toDay: day,
    // "09:00-11:00, 14:00-16:00"
    times: z
      .string()
      .trim()
      .min(1)
      .transform((v, ctx) => {
        const windows = v.split(/[,，\s]+/).filter(Boolean).map((w) => w.split(/[-–~]/));
        if (!windows.length || windows.some((w) => w.length !== 2 || !timeOfDay.test(w[0]!) || !timeOfDay.test(w[1]!) || w[0]! >= w[1]!)) {
          ctx.addIssue({ code: "custom", message: "eventsAdmin.timesFormat" });
          return [];
        }
        return windows as [string, string][];
      }),
    capacity: z.coerce.number().int().min(1).max(5000),
    skipMondays: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.fromDay > v.toDay) ctx.addIssue({ code: "custom", path: ["toDay"], message: "eventsAdmin.endAfterStart" });
    else if ((Date.parse(v.toDay) - Date.parse(v.fromDay)) / 86_400_000 > 92) ctx.addIssue({ code: "custom", path: ["toDay"], message: "eventsAdmin.rangeTooLong" });
  });
export type SessionRunInput = z.output<typeof sessionRunSchema>;

export const sessionEditSchema = z
  .object({ eventId: id, sessionId: id, startsAt: dateTime, endsAt: dateTime, capacity: z.coerce.number().int().min(1).max(5000) })
  .refine((v) => v.startsAt.getTime() < v.endsAt.getTime(), { path: ["endsAt"], message: "eventsAdmin.endAfterStart" });
export type SessionEditInput = z.output<typeof sessionEditSchema>;

export const sessionRefSchema = z.object({ eventId: id, sessionId: id });

export const exhibitSchema = z.object({
  eventId: id,
  title: z.string().trim().max(120),
  caption: z.string().trim().max(500),
  image: z.instanceof(File),
});
export const exhibitRefSchema = z.object({ eventId: id, exhibitId: id, direction: z.enum(["up", "down", "delete"]) });

export const checkInSchema = z.object({
  sessionId: id,
  code: z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => v.replace(/[^A-Z0-9]/g, ""))
    .pipe(z.string().min(4).max(20)),
});

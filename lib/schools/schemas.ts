import { z } from "zod";
import type { schools } from "@/db/schema/library";

// Written out rather than read from the pg enums, so client forms do not pull in drizzle.
export type SchoolLevel = (typeof schools.$inferSelect)["level"];
export type SchoolStatus = (typeof schools.$inferSelect)["status"];
export const schoolLevels = ["primary", "junior", "nine_year", "senior"] as const satisfies readonly SchoolLevel[];
export const schoolStatuses = ["pending", "approved", "rejected"] as const satisfies readonly SchoolStatus[];

/** What a name looks like when stored: trimmed, runs of spaces (also 全角 spaces) made one. */
export function tidySchoolName(name: string): string {
  return name.replace(/[\s\u3000]+/g, " ").trim();
}

/**
 * The key two names are compared by when looking for a school registered twice: full-width
 * letters and digits folded to half-width (NFKC), spaces dropped, case ignored. "滦南县 第一小学"
 * and "滦南县第一小学" are the same school; so are "ＸＸ小学" and "XX小学".
 */
export function schoolNameKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/**
 * A Chinese mobile number (11 digits starting 1[3-9], optionally +86) or a landline with its
 * area code (0315-4112345, (0315)4112345, 010-12345678-801). Returns the tidy form, or null.
 */
export function normalizePhone(raw: string): string | null {
  const v = raw.normalize("NFKC").replace(/[\s\u3000]/g, "").replace(/[—–－]/g, "-");
  const mobile = /^(?:\+?86-?)?(1[3-9]\d{9})$/.exec(v.replace(/-/g, ""));
  if (mobile) return mobile[1]!;
  const landline = /^\(?(0\d{2,3})\)?-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(v);
  if (landline) return `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ""}`;
  return null;
}

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const email = z.string().trim().toLowerCase().min(1).max(200).pipe(z.email());

export const registerSchoolSchema = z.object({
  name: text(1, 60)
    .transform(tidySchoolName)
    .refine((v) => v.length >= 2, { message: "schools.register.nameTooShort" }),
  townId: z
    .string({ message: "schools.register.townRequired" })
    .regex(/^\d+$/, { message: "schools.register.townRequired" })
    .transform(Number),
  level: z.enum(schoolLevels, { message: "schools.register.levelRequired" }),
  address: text(1, 200),
  coordinatorName: text(1, 40),
  coordinatorEmail: email,
  coordinatorPhone: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .transform((v, ctx) => {
      const phone = normalizePhone(v);
      if (!phone) {
        ctx.addIssue({ code: "custom", message: "schools.register.phoneInvalid" });
        return z.NEVER;
      }
      return phone;
    }),
  /** The honeypot: a field people never see and bots fill in. */
  website: z.string().optional().default(""),
});
export type RegisterSchoolInput = z.output<typeof registerSchoolSchema>;

const id = z.coerce.number().int().positive();

export const approveSchoolSchema = z.object({ schoolId: id });
export const rejectSchoolSchema = z.object({
  schoolId: id,
  reason: z.string({ message: "schools.review.reasonRequired" }).trim().min(1, { message: "schools.review.reasonRequired" }).max(500),
});

export const inviteTeacherSchema = z.object({
  name: text(1, 40),
  email,
});
export type InviteTeacherInput = z.output<typeof inviteTeacherSchema>;

export const invitationIdSchema = z.object({ invitationId: id });
export const acceptInvitationSchema = z.object({ token: z.string().min(16).max(100) });

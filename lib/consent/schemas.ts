import { z } from "zod";
import { shanghaiDay } from "@/lib/time";

export const paperConsentSchema = z.object({
  pupilId: z.uuid(),
  guardianName: z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1).max(40)),
  signedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "consent.signedOnInvalid" })
    // A form is signed today or before, and this school year's forms are at most two years old.
    .refine((v) => v <= shanghaiDay(new Date()), { message: "consent.signedOnFuture" })
    .refine((v) => v >= shanghaiDay(new Date(Date.now() - 2 * 366 * 86_400_000)), { message: "consent.signedOnOld" }),
});
export type PaperConsentInput = z.output<typeof paperConsentSchema>;

export const consentTokenSchema = z.object({ token: z.string().min(20).max(64) });

import { z } from "zod";

/** Only paths on this site, so a sign-in link cannot send anyone elsewhere. */
export const callbackUrl = z
  .string()
  .optional()
  .transform((v) => (v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : undefined));

export const magicLinkSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).pipe(z.email()),
  callbackUrl,
});

export const pupilSignInSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  callbackUrl,
});

export const newPasswordSchema = z
  .object({
    password: z.string().min(8).max(128),
    confirm: z.string().min(1),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "auth.passwordMismatch" });

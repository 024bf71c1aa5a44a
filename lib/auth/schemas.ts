import { z } from "zod";

const BASE = "http://shuxiang.invalid";

/**
 * A path on this site, or undefined. Browsers drop tabs and newlines and read "\\" as "/",
 * so the test is where the URL really lands, not how it starts.
 */
export function safeCallbackPath(v: string | undefined): string | undefined {
  if (!v || !v.startsWith("/") || /[\u0000-\u001f\\]/.test(v)) return undefined;
  try {
    return new URL(v, BASE).origin === BASE ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Only paths on this site, so a sign-in link cannot send anyone elsewhere. */
export const callbackUrl = z.string().optional().transform(safeCallbackPath);

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

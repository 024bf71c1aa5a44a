"use server";

import { CredentialsSignin } from "next-auth";
import { defineAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/config";
import { magicLinkSchema, pupilSignInSchema } from "@/lib/auth/schemas";
import { isActiveEmail } from "@/lib/auth/users";
import { AppError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/rate-limit";

export const requestMagicLink = defineAction(
  { schema: magicLinkSchema, access: "public", successMessage: "auth.checkEmail" },
  async ({ email, callbackUrl }) => {
    if (!(await hitRateLimit(`magic-link:${email}`, 5, 15 * 60))) {
      throw new AppError("rate_limited", undefined, "auth.tooManyLinks");
    }
    // The reply is the same whether or not the address is known; only known, active adults get mail.
    if (await isActiveEmail(email)) {
      await signIn("email", { email, redirect: false, redirectTo: callbackUrl ?? "/" });
    }
    return { sent: true };
  },
);

export const pupilSignIn = defineAction({ schema: pupilSignInSchema, access: "public" }, async (input) => {
  try {
    // On success this throws Next's redirect, which the wrapper lets through.
    await signIn("pupil", { username: input.username, password: input.password, redirectTo: input.callbackUrl ?? "/me" });
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      if (e.code === "locked") throw new AppError("rate_limited", undefined, "auth.locked");
      throw new AppError("invalid", { password: "auth.badCredentials" }, "auth.badCredentials");
    }
    throw e;
  }
});

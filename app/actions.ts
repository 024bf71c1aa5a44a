"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction, idle } from "@/lib/actions";
import { setUserLocale } from "@/lib/auth/users";
import { signOut } from "@/lib/auth/config";
import { LOCALE_COOKIE, locales } from "@/lib/i18n";

const switchLocaleAction = defineAction(
  { schema: z.object({ locale: z.enum(locales) }), access: "public" },
  async ({ locale }, { user }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    // Signed-in users keep their language on every device, and their emails follow it.
    if (user) await setUserLocale(user.id, locale);
  },
);

/** The language switch in the header: a plain form, so it works before any script loads. */
export async function switchLocale(formData: FormData) {
  await switchLocaleAction(idle, formData);
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

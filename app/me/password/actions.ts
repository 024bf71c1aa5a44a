"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { newPasswordSchema } from "@/lib/auth/schemas";
import { changeOwnPassword } from "@/lib/auth/users";

export const changePassword = defineAction({ schema: newPasswordSchema, access: "signed-in" }, async ({ password }, { user }) => {
  await changeOwnPassword(user.id, password);
  redirect(user.roles.includes("student") ? "/me" : "/");
});

"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { createClass } from "@/lib/classes/mutations";
import { createClassSchema } from "@/lib/classes/schemas";

export const createClassAction = defineAction({ schema: createClassSchema, permission: "classes.manage" }, async (input, { user }) => {
  const { id } = await createClass(user, input);
  redirect(`/school/classes/${id}`);
});

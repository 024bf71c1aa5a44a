"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { updateUserAccess } from "@/lib/users/queries";
import { updateUserAccessSchema } from "@/lib/users/schemas";

export const saveUserAccess = defineAction(
  { schema: updateUserAccessSchema, permission: "users.manage", successMessage: "users.saved" },
  async (input, { user }) => {
    await updateUserAccess(input, user.id);
    revalidatePath("/admin/users");
  },
);

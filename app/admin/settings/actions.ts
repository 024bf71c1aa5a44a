"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { updateLibrarySettings } from "@/lib/library/queries";
import { librarySettingsSchema } from "@/lib/library/schemas";

export const saveLibrarySettings = defineAction(
  { schema: librarySettingsSchema, permission: "settings.update", successMessage: "admin.settingsSaved" },
  async (input, { user }) => {
    await updateLibrarySettings(input, user.id);
    revalidatePath("/", "layout");
  },
);

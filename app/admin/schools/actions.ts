"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { siteOrigin } from "@/lib/schools/request";
import { approveSchool, rejectSchool } from "@/lib/schools/review";
import { approveSchoolSchema, rejectSchoolSchema } from "@/lib/schools/schemas";

export const approveSchoolAction = defineAction(
  { schema: approveSchoolSchema, permission: "schools.review", successMessage: "schools.review.approved" },
  async ({ schoolId }, { user }) => {
    await approveSchool(schoolId, user.id, await siteOrigin());
    revalidatePath("/admin/schools");
  },
);

export const rejectSchoolAction = defineAction(
  { schema: rejectSchoolSchema, permission: "schools.review", successMessage: "schools.review.rejected" },
  async ({ schoolId, reason }, { user }) => {
    await rejectSchool(schoolId, reason, user.id);
    revalidatePath("/admin/schools");
  },
);

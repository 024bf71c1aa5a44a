"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { moveAssignment } from "@/lib/judging/assignments";
import { assignSchema, moveAssignmentSchema } from "@/lib/judging/schemas";
import { applyAssignmentSettings } from "@/lib/judging/staff-assign";

const manage = { permission: "judging.manage" } as const;

const refresh = (campaignId: number) => revalidatePath(`/admin/campaigns/${campaignId}/judging`, "layout");

export const applyAssignmentsAction = defineAction({ schema: assignSchema, ...manage }, async (input, { user }) => {
  const result = await applyAssignmentSettings(user.id, input);
  refresh(input.campaignId);
  return result;
});

export const moveAssignmentAction = defineAction({ schema: moveAssignmentSchema, ...manage, successMessage: "judgingAdmin.assign.moved" }, async (input, { user }) => {
  await moveAssignment(user.id, input.assignmentId, input.judgeId);
  refresh(input.campaignId);
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { driveChanged } from "@/lib/drives/cache";
import { changeCategory, recordDelivery, recordIntake, saveCategory, saveDrive, setDriveState } from "@/lib/drives/mutations";
import { categoryRefSchema, categorySchema, deliverySchema, driveSchema, driveStateSchema, driveUpdateSchema, intakeSchema } from "@/lib/drives/schemas";
import { siteOrigin } from "@/lib/schools/request";

const manage = { permission: "drives.manage" } as const;

/** The public pages and the staff pages of a drive show what just changed. */
function refresh(driveId?: number) {
  driveChanged(driveId);
  revalidatePath("/drives", "layout");
  revalidatePath("/admin/drives");
  if (driveId) revalidatePath(`/admin/drives/${driveId}`, "layout");
}

export const createDriveAction = defineAction({ schema: driveSchema, ...manage }, async (input, { user }) => {
  const id = await saveDrive(null, input, user.id);
  refresh();
  redirect(`/admin/drives/${id}/edit`);
});

export const updateDriveAction = defineAction({ schema: driveUpdateSchema, ...manage, successMessage: "drivesAdmin.saved" }, async ({ driveId, ...input }, { user }) => {
  await saveDrive(driveId, input, user.id);
  refresh(driveId);
});

export const setDriveStateAction = defineAction({ schema: driveStateSchema, ...manage }, async ({ driveId, to }, { user }) => {
  await setDriveState(driveId, to, user.id);
  refresh(driveId);
});

export const saveCategoryAction = defineAction({ schema: categorySchema, ...manage, successMessage: "drivesAdmin.saved" }, async (input, { user }) => {
  const id = await saveCategory(input, user.id);
  refresh(input.driveId);
  return id;
});

export const changeCategoryAction = defineAction({ schema: categoryRefSchema, ...manage }, async ({ driveId, categoryId, op }, { user }) => {
  await changeCategory(driveId, categoryId, op, user.id);
  refresh(driveId);
});

export const recordIntakeAction = defineAction({ schema: intakeSchema, ...manage }, async (input, { user }) => {
  const { intakeIds } = await recordIntake(input, user.id, { origin: await siteOrigin() });
  refresh(input.driveId);
  const accepted = input.lines.reduce((s, l) => s + l.accepted, 0);
  const declined = input.lines.reduce((s, l) => s + l.declined, 0);
  return { id: intakeIds[0]!, accepted, declined };
});

export const recordDeliveryAction = defineAction({ schema: deliverySchema, ...manage }, async (input, { user }) => {
  const r = await recordDelivery(input, user.id, { origin: await siteOrigin() });
  refresh(input.driveId);
  return r;
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { defineAction, idle } from "@/lib/actions";
import { siteOrigin } from "@/lib/classes/site-url";
import { recordPaperConsent, sendConsentRequests } from "@/lib/consent/mutations";
import { paperConsentSchema } from "@/lib/consent/schemas";
import { isLocale } from "@/lib/i18n";
import { scheduleDrain } from "@/lib/mail";
import { commitImport, discardImport } from "@/lib/pupils/import";
import { addPupil, confirmPendingPupil, removePendingPupil, resetPupilPassword } from "@/lib/pupils/mutations";
import { addPupilSchema } from "@/lib/pupils/schemas";

const classId = z.coerce.number().int().positive();
const pupilForm = z.object({ classId, pupilId: z.uuid() });
const importForm = z.object({ classId, importId: z.coerce.number().int().positive() });

const classPath = (id: number) => `/school/classes/${id}`;

export const addPupilAction = defineAction({ schema: addPupilSchema, permission: "classes.manage" }, async (input, { user }) => {
  const made = await addPupil(user, input.classId, input.pupil);
  revalidatePath(classPath(input.classId));
  return made;
});

export const resetPasswordAction = defineAction({ schema: pupilForm, permission: "classes.manage" }, async (input, { user }) => {
  const made = await resetPupilPassword(user, input.pupilId);
  revalidatePath(`${classPath(input.classId)}/pupils/${input.pupilId}`);
  return made;
});

export const paperConsentAction = defineAction(
  { schema: paperConsentSchema.extend({ classId }), permission: "classes.manage", successMessage: "consent.paperRecorded" },
  async (input, { user }) => {
    await recordPaperConsent(user, input);
    revalidatePath(`${classPath(input.classId)}/pupils/${input.pupilId}`);
  },
);

export const consentRequestsAction = defineAction({ schema: z.object({ classId }), permission: "classes.manage" }, async (input, { user }) => {
  const locale = await getLocale();
  const result = await sendConsentRequests(user, input.classId, { origin: await siteOrigin(), locale: isLocale(locale) ? locale : "zh-CN" });
  if (result.sent) scheduleDrain();
  revalidatePath(classPath(input.classId));
  return result;
});

const confirmAction = defineAction({ schema: pupilForm, permission: "classes.manage" }, async (input, { user }) => {
  await confirmPendingPupil(user, input.pupilId);
  revalidatePath(classPath(input.classId));
});

const removeAction = defineAction({ schema: pupilForm, permission: "classes.manage" }, async (input, { user }) => {
  await removePendingPupil(user, input.pupilId);
  revalidatePath(classPath(input.classId));
});

/** Button forms in the pending list: the list itself shows the outcome. */
export async function confirmPupil(formData: FormData) {
  await confirmAction(idle, formData);
}

export async function removePupil(formData: FormData) {
  await removeAction(idle, formData);
}

export const commitImportAction = defineAction({ schema: importForm, permission: "classes.manage" }, async (input, { user }) => {
  const { imported, skipped } = await commitImport(user, input.classId, input.importId);
  redirect(`${classPath(input.classId)}?${new URLSearchParams({ imported: String(imported), skipped: String(skipped) })}`);
});

const discardAction = defineAction({ schema: importForm, permission: "classes.manage" }, async (input, { user }) => {
  await discardImport(user, input.classId, input.importId);
  redirect(`${classPath(input.classId)}#import`);
});

export async function discardImportForm(formData: FormData) {
  await discardAction(idle, formData);
}

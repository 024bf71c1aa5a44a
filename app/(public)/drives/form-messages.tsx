import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

type DriveMessages = { form: unknown; manage: unknown; overNote: string };

/**
 * Only what the pledge forms say in the browser (drives.form, the over-pledge note and, for the
 * change form, drives.manage), not the whole namespace with its email texts: every drive page
 * view carries these messages.
 */
export async function PledgeFormMessages({ manage = false, children }: { manage?: boolean; children: ReactNode }) {
  const { drives } = (await getMessages()) as unknown as { drives: DriveMessages };
  const messages = { drives: { form: drives.form, overNote: drives.overNote, ...(manage ? { manage: drives.manage } : {}) } };
  return <NextIntlClientProvider messages={messages as never}>{children}</NextIntlClientProvider>;
}

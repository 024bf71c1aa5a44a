import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

type Messages = { [key: string]: string | Messages };

/**
 * Gives client components only the messages they use, keeping every page's payload small: whole
 * namespaces ("judging") or parts of one ("drives.form").
 */
export async function IntlProvider({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const all = (await getMessages()) as Messages;
  const messages: Messages = {};
  for (const path of namespaces) {
    const keys = path.split(".");
    let from: Messages | string | undefined = all;
    let to = messages;
    keys.forEach((key, i) => {
      from = typeof from === "object" ? from[key] : undefined;
      if (from === undefined) return;
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Messages;
    });
  }
  return <NextIntlClientProvider messages={messages as never}>{children}</NextIntlClientProvider>;
}

import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consents, pupils, users } from "@/db/schema";
import { getClassForUser } from "@/lib/classes/queries";
import type { Viewer } from "@/lib/classes/scope";
import { hashToken, newToken } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { libraryName } from "@/lib/mail";
import { lockClass } from "@/lib/pupils/mutations";
import { getPupilForUser } from "@/lib/pupils/queries";
import { sendConsentRequestMail } from "./emails";
import { consentConfirmed, consentRequested } from "./facts";
import { CONSENT_LINK_DAYS, CONSENT_RULES_VERSION, needsConsent } from "./rules";
import type { PaperConsentInput } from "./schemas";

/** The teacher records a signed paper form; who recorded it and the rules version are kept with it. */
export async function recordPaperConsent(user: Viewer, input: PaperConsentInput) {
  const pupil = await getPupilForUser(user, input.pupilId, "manage");
  if (!pupil || pupil.status !== "active") throw new AppError("not_found");
  await getDb().insert(consents).values({
    pupilId: pupil.userId,
    method: "paper",
    guardianName: input.guardianName,
    rulesVersion: CONSENT_RULES_VERSION,
    signedOn: input.signedOn,
    recordedBy: user.id,
    confirmedAt: sql`now()`,
  });
  return { name: pupil.name ?? "" };
}

/**
 * Emails a consent link to the guardian of every pupil of the class who needs consent, has none,
 * has a guardian email and has no link still open. One consent row and one email each; sending
 * again only reaches those still missing (and those whose link expired).
 */
export async function sendConsentRequests(user: Viewer, classId: number, opts: { origin: string; locale: Locale }) {
  const cls = await getClassForUser(user, classId, "manage");
  if (!cls) throw new AppError("not_found");
  const result = await getDb().transaction(async (tx) => {
    // Two clicks at once would otherwise both find the same pupils without a link.
    await lockClass(tx, cls.id);
    const rows = await tx
      .select({
        userId: pupils.userId,
        name: users.name,
        grade: pupils.grade,
        birthYear: pupils.birthYear,
        guardianName: pupils.guardianName,
        guardianEmail: pupils.guardianEmail,
        confirmed: consentConfirmed(pupils.userId),
        requested: consentRequested(pupils.userId),
      })
      .from(pupils)
      .innerJoin(users, eq(users.id, pupils.userId))
      .where(and(eq(pupils.classId, cls.id), eq(pupils.status, "active")));
    const lacking = rows.filter((r) => !r.confirmed && needsConsent(r));
    const targets = lacking.filter((r) => r.guardianEmail && !r.requested);
    const library = targets.length ? await libraryName(tx, opts.locale) : "";
    const expiresAt = new Date(Date.now() + CONSENT_LINK_DAYS * 86_400_000);
    for (const p of targets) {
      const { token, hash } = newToken();
      const [row] = await tx
        .insert(consents)
        .values({ pupilId: p.userId, method: "email", guardianName: p.guardianName, rulesVersion: CONSENT_RULES_VERSION, tokenHash: hash, sentTo: p.guardianEmail, expiresAt })
        .returning({ id: consents.id });
      await sendConsentRequestMail(
        tx,
        {
          consentId: row!.id,
          to: p.guardianEmail!,
          locale: opts.locale,
          url: `${opts.origin}/consent/${token}`,
          guardianName: p.guardianName,
          pupilName: p.name ?? "",
          schoolName: cls.schoolName,
          className: cls.name,
          expiresAt,
        },
        library,
      );
    }
    return {
      sent: targets.length,
      alreadyRequested: lacking.filter((r) => r.guardianEmail && r.requested).length,
      withoutEmail: lacking.filter((r) => !r.guardianEmail).length,
    };
  });
  return result;
}

export type ConfirmResult = "confirmed" | "already" | "expired" | "invalid";

/** The guardian confirms from the emailed link. Confirming twice is harmless. */
export async function confirmConsent(token: string): Promise<ConfirmResult> {
  const tokenHash = hashToken(token);
  const done = await getDb()
    .update(consents)
    .set({ confirmedAt: sql`now()` })
    .where(and(eq(consents.tokenHash, tokenHash), isNull(consents.confirmedAt), gt(consents.expiresAt, sql`now()`)))
    .returning({ id: consents.id });
  if (done.length) return "confirmed";
  const [row] = await getDb()
    .select({ confirmed: sql<boolean>`${consents.confirmedAt} is not null` })
    .from(consents)
    .where(eq(consents.tokenHash, tokenHash))
    .limit(1);
  if (!row) return "invalid";
  return row.confirmed ? "already" : "expired";
}

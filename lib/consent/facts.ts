import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { consents } from "@/db/schema";

// Per-pupil consent facts as SQL expressions, so lists get them in the same query as the pupils.

/** A guardian has consented (on paper, or by the emailed link). */
export function consentConfirmed(pupilId: SQL | { getSQL(): SQL }): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${consents} where ${consents.pupilId} = ${pupilId} and ${consents.confirmedAt} is not null)`;
}

/** A consent link has been emailed and still works. */
export function consentRequested(pupilId: SQL | { getSQL(): SQL }): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${consents} where ${consents.pupilId} = ${pupilId} and ${consents.method} = 'email' and ${consents.confirmedAt} is null and ${consents.expiresAt} > now())`;
}

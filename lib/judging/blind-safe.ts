import { sql } from "drizzle-orm";
import { entries } from "@/db/schema";

/**
 * An entry a judge may read: nothing identifying was found in it, or staff have dealt with what
 * was (redacted it, or looked and saved it as it is). Entries still flagged wait for staff: they
 * are not assigned, and a judge's queue and pages leave them out should a pupil's late edit
 * flag them after assignment.
 */
export const blindSafe = sql`(cardinality(${entries.flags}) = 0 or ${entries.redactedAt} is not null)`;

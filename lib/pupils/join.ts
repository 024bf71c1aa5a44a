import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { classes } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { countRecent, hitRateLimit, recordEvent } from "@/lib/rate-limit";
import { insertPupilAccounts } from "./accounts";
import type { PupilFields } from "./fields";
import { assertNewName, lockClass } from "./mutations";

// A whole class often joins from one school network, so the limit per address is generous;
// wrong codes are what guessing looks like, and they have a much tighter one.
export const JOIN_LIMIT = { tries: 60, wrongCodes: 10, windowSeconds: 60 * 60 };

/**
 * A pupil joins with the class code and a password of their own. The account waits, disabled,
 * until the teacher confirms it. An unknown code and a name already in the class are refused.
 */
export async function joinClassWithCode(input: { code: string; pupil: PupilFields; password: string }, opts: { ip: string }) {
  const missKey = `join-miss:${opts.ip}`;
  if ((await countRecent(missKey, JOIN_LIMIT.windowSeconds)) >= JOIN_LIMIT.wrongCodes) throw new AppError("rate_limited");
  if (!(await hitRateLimit(`join:${opts.ip}`, JOIN_LIMIT.tries, JOIN_LIMIT.windowSeconds))) throw new AppError("rate_limited");

  const [cls] = await getDb().select({ id: classes.id }).from(classes).where(eq(classes.joinCode, input.code)).limit(1);
  if (!cls) {
    await recordEvent(missKey);
    throw new AppError("invalid", { code: "join.codeUnknown" }, "join.codeUnknown");
  }
  const passwordHash = await hashPassword(input.password);
  const [made] = await getDb().transaction(async (tx) => {
    const locked = await lockClass(tx, cls.id);
    if (!locked) throw new AppError("invalid", { code: "join.codeUnknown" }, "join.codeUnknown");
    await assertNewName(tx, cls.id, input.pupil.name, "join.duplicateName");
    return insertPupilAccounts(tx, locked, [{ ...input.pupil, status: "pending", passwordHash, initialPasswordEnc: null }]);
  });
  return { username: made!.username };
}

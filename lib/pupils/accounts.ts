import "server-only";
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { pupils, userRoles, users } from "@/db/schema";
import type { PupilFields } from "./fields";
import { freshUsernames } from "./credentials";

export type NewPupilAccount = PupilFields & {
  status: "active" | "pending";
  passwordHash: string;
  /** Set for passwords the teacher made (slips can be printed again); null when the pupil chose it. */
  initialPasswordEnc: string | null;
};

const CHUNK = 500;

/**
 * Creates pupils' user rows (role student), their pupil rows and usernames, inside the caller's
 * transaction. Pending pupils (joined by class code) stay disabled until their teacher confirms.
 */
export async function insertPupilAccounts(
  tx: DbOrTx,
  cls: { id: number; schoolId: number },
  list: NewPupilAccount[],
): Promise<{ userId: string; username: string; name: string }[]> {
  if (list.length === 0) return [];
  const usernames = await freshUsernames(tx, list.length);
  const made = list.map((p, i) => ({ p, userId: randomUUID(), username: usernames[i]! }));
  for (let i = 0; i < made.length; i += CHUNK) {
    const chunk = made.slice(i, i + CHUNK);
    await tx.insert(users).values(
      chunk.map(({ p, userId, username }) => ({
        id: userId,
        name: p.name,
        username,
        email: null,
        passwordHash: p.passwordHash,
        // A password the teacher made is changed at the first sign-in; one the pupil chose is not.
        mustChangePassword: p.initialPasswordEnc !== null,
        disabled: p.status === "pending",
        schoolId: cls.schoolId,
      })),
    );
    await tx.insert(userRoles).values(chunk.map(({ userId }) => ({ userId, role: "student" as const })));
    await tx.insert(pupils).values(
      chunk.map(({ p, userId }) => ({
        userId,
        classId: cls.id,
        grade: p.grade,
        gender: p.gender,
        birthYear: p.birthYear,
        guardianName: p.guardianName,
        guardianPhone: p.guardianPhone,
        guardianEmail: p.guardianEmail,
        status: p.status,
        initialPasswordEnc: p.initialPasswordEnc,
      })),
    );
  }
  return made.map(({ p, userId, username }) => ({ userId, username, name: p.name }));
}

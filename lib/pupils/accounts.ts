import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
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

const col = (c: { name: string }) => sql.identifier(c.name);

/**
 * Creates pupils' user rows (role student), their pupil rows and usernames, inside the caller's
 * transaction. Pending pupils (joined by class code) stay disabled until their teacher confirms.
 *
 * The rows travel as one JSON parameter per table (json_to_recordset): a class list of 2,000
 * pupils is three statements, where a multi-row VALUES insert spent most of a second per 500 rows
 * building and binding its thousands of parameters.
 */
export async function insertPupilAccounts(
  tx: DbOrTx,
  cls: { id: number; schoolId: number },
  list: NewPupilAccount[],
): Promise<{ userId: string; username: string; name: string }[]> {
  if (list.length === 0) return [];
  const usernames = await freshUsernames(tx, list.length);
  const made = list.map((p, i) => ({ p, userId: randomUUID(), username: usernames[i]! }));

  const userRows = made.map(({ p, userId, username }) => ({
    id: userId,
    name: p.name,
    username,
    password_hash: p.passwordHash,
    // A password the teacher made is changed at the first sign-in; one the pupil chose is not.
    must_change_password: p.initialPasswordEnc !== null,
    disabled: p.status === "pending",
  }));
  await tx.execute(sql`
    insert into ${users} (${col(users.id)}, ${col(users.name)}, ${col(users.username)}, ${col(users.passwordHash)}, ${col(users.mustChangePassword)}, ${col(users.disabled)}, ${col(users.schoolId)})
    select id, name, username, password_hash, must_change_password, disabled, ${cls.schoolId}::int
    from json_to_recordset(${JSON.stringify(userRows)}::json)
      as x(id text, name text, username text, password_hash text, must_change_password boolean, disabled boolean)`);

  await tx.execute(sql`
    insert into ${userRoles} (${col(userRoles.userId)}, ${col(userRoles.role)})
    select id, 'student' from json_array_elements_text(${JSON.stringify(made.map((m) => m.userId))}::json) as id`);

  const pupilRows = made.map(({ p, userId }) => ({
    user_id: userId,
    grade: p.grade,
    gender: p.gender,
    birth_year: p.birthYear,
    guardian_name: p.guardianName,
    guardian_phone: p.guardianPhone,
    guardian_email: p.guardianEmail,
    status: p.status,
    initial_password_enc: p.initialPasswordEnc,
  }));
  await tx.execute(sql`
    insert into ${pupils} (${col(pupils.userId)}, ${col(pupils.classId)}, ${col(pupils.grade)}, ${col(pupils.gender)}, ${col(pupils.birthYear)}, ${col(pupils.guardianName)}, ${col(pupils.guardianPhone)}, ${col(pupils.guardianEmail)}, ${col(pupils.status)}, ${col(pupils.initialPasswordEnc)})
    select user_id, ${cls.id}::int, grade, gender::gender, birth_year, guardian_name, guardian_phone, guardian_email, status::pupil_status, initial_password_enc
    from json_to_recordset(${JSON.stringify(pupilRows)}::json)
      as x(user_id text, grade int, gender text, birth_year int, guardian_name text, guardian_phone text, guardian_email text, status text, initial_password_enc text)`);

  return made.map(({ p, userId, username }) => ({ userId, username, name: p.name }));
}

import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createClassRow } from "@/db/factories-classes";
import { pupils, users } from "@/db/schema";
import { checkPupilLogin } from "@/lib/auth/pupil-login";
import { JOIN_LIMIT, joinClassWithCode } from "./join";
import { confirmPendingPupil } from "./mutations";
import { joinClassSchema } from "./schemas";

const pupil = (name: string) => ({ name, gender: null, grade: 4, guardianName: "家长", guardianPhone: "13800138000", guardianEmail: null, birthYear: null });
const ip = () => `test-${randomBytes(6).toString("hex")}`;

async function setup() {
  const school = await createSchool(getDb());
  const teacher = await createUser(getDb(), { roles: ["teacher"], schoolId: school.id });
  const cls = await createClassRow(getDb(), { schoolId: school.id, teacherId: teacher.id });
  return { school, teacher, cls };
}

describe("joining with a class code", () => {
  it("makes a pending, disabled account that signs in once the teacher confirms", async () => {
    const { teacher, cls, school } = await setup();
    const { username } = await joinClassWithCode({ code: cls.joinCode, pupil: pupil("自己加入"), password: "my-own-password" }, { ip: ip() });
    const [u] = await getDb().select().from(users).innerJoin(pupils, eq(pupils.userId, users.id)).where(eq(users.username, username));
    expect(u!.users).toMatchObject({ disabled: true, mustChangePassword: false, schoolId: school.id, name: "自己加入" });
    expect(u!.pupils).toMatchObject({ status: "pending", classId: cls.id, initialPasswordEnc: null });
    expect((await checkPupilLogin(username, "my-own-password")).ok).toBe(false);
    await confirmPendingPupil(teacher, u!.users.id);
    expect((await checkPupilLogin(username, "my-own-password")).ok).toBe(true);
  });

  it("refuses an unknown code and a name already in the class, next to the field", async () => {
    const { cls } = await setup();
    const from = ip();
    await expect(joinClassWithCode({ code: "nosuchcode", pupil: pupil("甲"), password: "password-1" }, { ip: from })).rejects.toMatchObject({ fields: { code: "join.codeUnknown" } });
    await joinClassWithCode({ code: cls.joinCode, pupil: pupil("甲"), password: "password-1" }, { ip: from });
    await expect(joinClassWithCode({ code: cls.joinCode, pupil: pupil("甲"), password: "password-2" }, { ip: from })).rejects.toMatchObject({ fields: { name: "join.duplicateName" } });
  });

  it("limits wrong codes per address, without stopping other addresses", async () => {
    const { cls } = await setup();
    const guesser = ip();
    for (let i = 0; i < JOIN_LIMIT.wrongCodes; i++) {
      await expect(joinClassWithCode({ code: `guess${i}`, pupil: pupil("猜"), password: "password-1" }, { ip: guesser })).rejects.toMatchObject({ code: "invalid" });
    }
    // Even the right code is refused now from that address…
    await expect(joinClassWithCode({ code: cls.joinCode, pupil: pupil("猜"), password: "password-1" }, { ip: guesser })).rejects.toMatchObject({ code: "rate_limited" });
    // …but not from another one.
    await joinClassWithCode({ code: cls.joinCode, pupil: pupil("别处"), password: "password-1" }, { ip: ip() });
  });

  it("the form's code is read without case, spaces or dashes, and the passwords must match", () => {
    const base = { name: "甲", grade: "4", guardianName: "家长", guardianPhone: "13800138000", password: "long-enough", confirm: "long-enough" };
    expect(joinClassSchema.parse({ ...base, code: " AB-cd 23 " }).code).toBe("abcd23");
    const bad = joinClassSchema.safeParse({ ...base, code: "abc", confirm: "other" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toContain("auth.passwordMismatch");
  });
});

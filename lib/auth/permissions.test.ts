import { describe, expect, it } from "vitest";
import { roleEnum, type Role } from "@/db/schema";
import { can, permissions, roles, type Permission } from "./permissions";

const entries = Object.entries(permissions) as [Permission, readonly Role[]][];

/** Every subset of the roles (64 of them for six roles), the empty one included. */
function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, item) => acc.concat(acc.map((s) => [...s, item])), [[]]);
}

describe("permissions map", () => {
  it("lists every role in the database enum, and only those", () => {
    expect([...roles].sort()).toEqual([...roleEnum.enumValues].sort());
    for (const [permission, allowed] of entries) {
      expect(allowed.length, permission).toBeGreaterThan(0);
      for (const role of allowed) expect(roleEnum.enumValues, permission).toContain(role);
    }
  });

  it("gives admin everything staff has (DESIGN.md: admin = all of staff, plus users and roles)", () => {
    for (const [permission, allowed] of entries) {
      if (allowed.includes("staff")) expect(allowed, permission).toContain("admin");
    }
  });

  it("gives a coordinator everything a teacher has (DESIGN.md: all a teacher may, for the whole school)", () => {
    for (const [permission, allowed] of entries) {
      if (allowed.includes("teacher")) expect(allowed, permission).toContain("coordinator");
    }
  });

  it("keeps library settings for admins only", () => {
    expect(permissions["settings.update"]).toEqual(["admin"]);
    expect(can({ roles: ["staff"] }, "settings.update")).toBe(false);
    expect(can({ roles: ["admin"] }, "settings.update")).toBe(true);
  });
});

describe("can", () => {
  it("matches the map exactly for every role × permission", () => {
    let checked = 0;
    for (const role of roles) {
      for (const [permission, allowed] of entries) {
        expect(can({ roles: [role] }, permission), `${role} → ${permission}`).toBe(allowed.includes(role));
        checked++;
      }
    }
    expect(checked).toBe(roles.length * entries.length);
  });

  it("gives a user with several roles the union of their permissions", () => {
    for (const held of subsets(roles)) {
      for (const [permission, allowed] of entries) {
        const expected = held.some((r) => allowed.includes(r));
        expect(can({ roles: held }, permission), `[${held.join(",")}] → ${permission}`).toBe(expected);
      }
    }
    // A concrete case: a teacher who is also a judge may do both, and nothing of staff's.
    const teacherJudge = { roles: ["teacher", "judge"] as Role[] };
    expect(can(teacherJudge, "school.view")).toBe(true);
    expect(can(teacherJudge, "judging.view")).toBe(true);
    expect(can(teacherJudge, "admin.view")).toBe(false);
    // Order does not matter.
    expect(can({ roles: ["judge", "teacher"] }, "school.view")).toBe(true);
  });

  it("gives nobody and no-roles nothing", () => {
    for (const [permission] of entries) {
      expect(can(null, permission), permission).toBe(false);
      expect(can(undefined, permission), permission).toBe(false);
      expect(can({ roles: [] }, permission), permission).toBe(false);
    }
  });

  it("ignores role names that are not in the map's list for a permission", () => {
    // Role strings from elsewhere (a stale token, a typo) never grant anything.
    expect(can({ roles: ["Admin" as Role, "superuser" as Role] }, "admin.view")).toBe(false);
  });
});

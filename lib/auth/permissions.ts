import type { Role } from "@/db/schema";

export const roles = ["student", "teacher", "coordinator", "judge", "staff", "admin"] as const satisfies readonly Role[];

/**
 * The one permissions map. Pages, actions and route handlers ask `can(user, permission)`;
 * nothing else decides who may do what.
 */
export const permissions = {
  "me.view": ["student"],
  "school.view": ["teacher", "coordinator"],
  "judging.view": ["judge"],
  "judging.manage": ["staff", "admin"],
  "admin.view": ["staff", "admin"],
  "outbox.view": ["staff", "admin"],
  "outbox.retry": ["staff", "admin"],
  "settings.update": ["admin"],
  "users.manage": ["admin"],
  "campaigns.manage": ["staff", "admin"],
  "events.manage": ["staff", "admin"],
  // Drives: the editor, intake desk, deliveries, figures and export.
  "drives.manage": ["staff", "admin"],
  "schools.review": ["staff", "admin"],
  // Staff see every school's classes and pupils; teachers and coordinators are scoped in the query.
  "schools.view_all": ["staff", "admin"],
  "school.invite_teachers": ["coordinator"],
  "campaigns.enrol": ["coordinator"],
  "classes.manage": ["teacher", "coordinator"],
  // A pupil writes their own entries; teachers and coordinators for pupils in their scope.
  "entries.submit": ["student"],
  "entries.submit_for_pupils": ["teacher", "coordinator"],
  // Staff read every entry, flag, redact, disqualify, export and grant extensions.
  "entries.review": ["staff", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(user: { roles: readonly Role[] } | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  const allowed: readonly Role[] = permissions[permission];
  return user.roles.some((r) => allowed.includes(r));
}

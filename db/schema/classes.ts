import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { schools } from "./library";

export const classes = pgTable(
  "classes",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    grade: integer("grade").notNull(),
    name: text("name").notNull(),
    /** The teacher who runs the class; coordinators see every class of their school. */
    teacherId: text("teacher_id").references(() => users.id, { onDelete: "set null" }),
    /** Pupils may join with this code; the teacher confirms them. */
    joinCode: text("join_code").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("classes_school_grade_name_uq").on(t.schoolId, t.grade, t.name),
    index("classes_teacher_idx").on(t.teacherId),
    check("classes_grade_range", sql`${t.grade} between 1 and 12`),
  ],
);

export const genderEnum = pgEnum("gender", ["female", "male"]);
export const pupilStatusEnum = pgEnum("pupil_status", ["active", "pending"]);

/** What a pupil's account needs beyond the user row: the least a campaign needs (rule 9). */
export const pupils = pgTable(
  "pupils",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    classId: integer("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "restrict" }),
    grade: integer("grade").notNull(),
    gender: genderEnum("gender"),
    birthYear: integer("birth_year"),
    guardianName: text("guardian_name").notNull(),
    guardianPhone: text("guardian_phone"),
    guardianEmail: text("guardian_email"),
    /** Joined by class code and waiting for the teacher, or confirmed. */
    status: pupilStatusEnum("status").notNull().default("active"),
    /**
     * The initial password, encrypted with a key derived from AUTH_SECRET, so the teacher can
     * print slips again; cleared once the pupil chooses their own.
     */
    initialPasswordEnc: text("initial_password_enc"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("pupils_class_idx").on(t.classId),
    check("pupils_grade_range", sql`${t.grade} between 1 and 12`),
    check("pupils_guardian_contact", sql`${t.guardianPhone} is not null or ${t.guardianEmail} is not null`),
  ],
);

export const consentMethodEnum = pgEnum("consent_method", ["paper", "email"]);

/** A guardian's consent for a pupil; it counts once confirmed_at is set. */
export const consents = pgTable(
  "consents",
  {
    id: serial("id").primaryKey(),
    pupilId: text("pupil_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    method: consentMethodEnum("method").notNull(),
    guardianName: text("guardian_name").notNull(),
    rulesVersion: text("rules_version").notNull(),
    /** Paper: the date on the signed form. */
    signedOn: date("signed_on"),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    /** Email: sha256 of the token in the guardian's link. */
    tokenHash: text("token_hash").unique(),
    sentTo: text("sent_to"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consents_pupil_idx").on(t.pupilId),
    check("consents_paper_has_date", sql`${t.method} <> 'paper' or (${t.signedOn} is not null and ${t.recordedBy} is not null)`),
  ],
);

/** A coordinator's invitation to a teacher, accepted through the emailed link. */
export const teacherInvitations = pgTable(
  "teacher_invitations",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("teacher_invitations_school_idx").on(t.schoolId, t.email)],
);

/** A spreadsheet waiting for the teacher's confirmation: nothing is imported before that. */
export const pupilImports = pgTable(
  "pupil_imports",
  {
    id: serial("id").primaryKey(),
    classId: integer("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    rows: jsonb("rows").notNull(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pupil_imports_class_idx").on(t.classId)],
);

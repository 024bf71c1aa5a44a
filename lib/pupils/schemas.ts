import { z } from "zod";
import { currentYear } from "@/lib/consent/rules";
import { checkPupil, type PupilFields, type RawPupil } from "./fields";

const text = z.string().max(200).optional().default("");

const rawPupil = {
  name: text,
  gender: text,
  grade: text,
  guardianName: text,
  guardianPhone: text,
  guardianEmail: text,
  birthYear: text,
};

/** Runs the shared pupil rules inside zod, so each problem shows next to its field. */
function withPupilRules<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...rawPupil, ...shape }).transform((v, ctx) => {
    const { value, problems } = checkPupil(v as RawPupil, { currentYear: currentYear() });
    for (const p of problems) ctx.addIssue({ code: "custom", path: [p.field], message: `pupils.problem.${p.code}` });
    if (!value) return z.NEVER;
    return { ...v, pupil: value as PupilFields };
  });
}

export const addPupilSchema = withPupilRules({ classId: z.coerce.number().int().positive() });

export const pupilIdSchema = z.object({ pupilId: z.uuid() });

export const joinClassSchema = withPupilRules({
  code: z
    .string()
    .transform((v) => v.toLowerCase().replace(/[\s-]/g, ""))
    .pipe(z.string().min(1, { message: "join.codeMissing" }).max(20, { message: "join.codeUnknown" })),
  password: z.string().min(8).max(128),
  confirm: z.string().min(1),
}).refine((v) => v.password === v.confirm, { path: ["confirm"], message: "auth.passwordMismatch" });

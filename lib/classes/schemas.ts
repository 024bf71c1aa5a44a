import { z } from "zod";

export const MIN_GRADE = 1;
export const MAX_GRADE = 12;
export const grades = Array.from({ length: MAX_GRADE }, (_, i) => i + MIN_GRADE);

export const gradeSchema = z.coerce.number().int().min(MIN_GRADE).max(MAX_GRADE);

export const createClassSchema = z.object({
  grade: gradeSchema,
  // "三年级（2）班" or just "2班": whatever the school calls it.
  name: z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1).max(30)),
  teacherId: z
    .string()
    .optional()
    .transform((v) => v || undefined),
});
export type CreateClassInput = { grade: number; name: string; teacherId?: string };

export const classIdSchema = z.object({ classId: z.coerce.number().int().positive() });

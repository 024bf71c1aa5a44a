import { z } from "zod";
import { roles } from "@/lib/auth/permissions";

export const updateUserAccessSchema = z.object({
  userId: z.string().min(1),
  roles: z
    .union([z.enum(roles), z.array(z.enum(roles))])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  disabled: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

export type UpdateUserAccessInput = z.output<typeof updateUserAccessSchema>;

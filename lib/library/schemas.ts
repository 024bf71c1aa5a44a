import { z } from "zod";

const line = (max: number) => z.string().trim().min(1).max(max);

export const librarySettingsSchema = z.object({
  nameZh: line(80),
  nameEn: line(120),
  addressZh: line(200),
  addressEn: line(300),
  hoursZh: line(300),
  hoursEn: line(400),
  phone: z.string().trim().max(40),
  email: z.union([z.literal(""), z.string().trim().toLowerCase().pipe(z.email())]),
});

export type LibrarySettingsInput = z.output<typeof librarySettingsSchema>;

"use server";

import { headers } from "next/headers";
import { defineAction } from "@/lib/actions";
import { joinClassWithCode } from "@/lib/pupils/join";
import { joinClassSchema } from "@/lib/pupils/schemas";

async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}

export const joinClassAction = defineAction({ schema: joinClassSchema, access: "public" }, async (input) => {
  return joinClassWithCode({ code: input.code, pupil: input.pupil, password: input.password }, { ip: await clientIp() });
});

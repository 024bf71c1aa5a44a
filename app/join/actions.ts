"use server";

import { defineAction } from "@/lib/actions";
import { joinClassWithCode } from "@/lib/pupils/join";
import { joinClassSchema } from "@/lib/pupils/schemas";
import { clientIp } from "@/lib/schools/request";

export const joinClassAction = defineAction({ schema: joinClassSchema, access: "public" }, async (input) => {
  return joinClassWithCode({ code: input.code, pupil: input.pupil, password: input.password }, { ip: await clientIp() });
});

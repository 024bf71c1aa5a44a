"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, idle } from "@/lib/actions";
import { retryOutboxMessage, scheduleDrain } from "@/lib/mail";

const retryAction = defineAction(
  { schema: z.object({ id: z.coerce.number().int().positive() }), permission: "outbox.retry" },
  async ({ id }) => {
    await retryOutboxMessage(id);
    scheduleDrain();
    revalidatePath("/admin/outbox");
  },
);

export async function retryMessage(formData: FormData) {
  await retryAction(idle, formData);
}

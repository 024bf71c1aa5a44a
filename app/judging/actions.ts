"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { recuseFormSchema, scoreFormSchema } from "@/lib/judging/judge-schemas";
import { recuse, saveScore } from "@/lib/judging/scoring";

// lib/judging/scoring.ts scopes every assignment to the signed-in judge (rule 2): another
// judge's assignment id finds nothing, and the answer says no more than "not found".

export const saveScoreAction = defineAction({ schema: scoreFormSchema, permission: "judging.view" }, async (input, { user }) => {
  const { total } = await saveScore(user, input);
  // Whether another judge was called in is staff's business, not this judge's.
  return { total, intent: input.intent };
});

export const recuseAction = defineAction({ schema: recuseFormSchema, permission: "judging.view" }, async (input, { user }) => {
  await recuse(user, input);
  redirect("/judging?recused=1");
});

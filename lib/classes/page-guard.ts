import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getClassForUser } from "./queries";

/**
 * For class pages: strangers sign in; those who neither manage classes nor look after all
 * schools are refused; a class that is not theirs is "not found", like one that does not exist.
 */
export async function requireClassPage(idParam: string, returnTo: string, mode: "view" | "manage" = "view") {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(user, "classes.manage") && !(mode === "view" && can(user, "schools.view_all"))) forbidden();
  const cls = /^\d{1,9}$/.test(idParam) ? await getClassForUser(user, Number(idParam), mode) : null;
  if (!cls) notFound();
  return { user, cls };
}

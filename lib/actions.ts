import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { clearPageCache } from "@/lib/page-cache";
import { idleState, type ActionState } from "@/lib/action-state";

export type { ActionState };
export const idle = idleState;

type Access = { permission: Permission } | { access: "public" } | { access: "signed-in" };
type Ctx<A> = { user: A extends { access: "public" } ? SessionUser | null : SessionUser };

const codeKeys: Record<AppErrorCode, string> = {
  unauthenticated: "errors.unauthenticated",
  forbidden: "errors.forbidden",
  not_found: "errors.notFound",
  invalid: "errors.formHasErrors",
  conflict: "errors.conflict",
  rate_limited: "errors.rateLimited",
};

export function formDataToObject(formData: FormData): Record<string, unknown> {
  // No prototype: a field named "constructor" or "__proto__" is just a field.
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (Object.hasOwn(out, key)) out[key] = ([] as unknown[]).concat(out[key], value);
    else out[key] = value;
  }
  return out;
}

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** Turns a zod issue into a message in the user's language; schemas may name a message key. */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message && t.has(issue.message)) return t(issue.message);
  switch (issue.code) {
    case "invalid_type":
      return t("errors.required");
    case "invalid_format":
      return t(issue.format === "email" ? "errors.invalidEmail" : "errors.invalid");
    case "too_small":
      if (issue.origin === "number") return t("errors.tooSmall", { min: Number(issue.minimum) });
      if (issue.origin !== "string") return t("errors.invalid");
      return Number(issue.minimum) === 1 ? t("errors.required") : t("errors.tooShort", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "number") return t("errors.tooBig", { max: Number(issue.maximum) });
      if (issue.origin !== "string") return t("errors.invalid");
      return t("errors.tooLong", { max: Number(issue.maximum) });
    default:
      return t("errors.invalid");
  }
}

/**
 * The one server-action wrapper: who is signed in, may they do this, does the input parse.
 * Bad input and known failures come back as translated messages next to the fields; anything
 * else is logged with a request id that the user is shown.
 */
export function defineAction<S extends z.ZodType, A extends Access, T>(
  opts: { schema: S; successMessage?: string } & A,
  handler: (input: z.output<S>, ctx: Ctx<A>) => Promise<T>,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    // Messages and the typed values are only needed to answer with an error (or a success
    // message), so an action that just succeeds does not pay for them.
    const values = () => typedValues(formData);
    try {
      const user = await getCurrentUser();
      if ("permission" in opts || opts.access === "signed-in") {
        const t = await getTranslations();
        if (!user) return { status: "error", message: t("errors.unauthenticated"), values: values(), signedOut: true };
        if ("permission" in opts && !can(user, opts.permission)) {
          return { status: "error", message: t("errors.forbidden"), values: values() };
        }
      }
      const parsed = opts.schema.safeParse(formDataToObject(formData));
      if (!parsed.success) {
        const t = await getTranslations();
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.join(".") || "_form";
          fieldErrors[field] ??= issueMessage(issue, t);
        }
        return { status: "error", message: t("errors.formHasErrors"), fieldErrors, values: values() };
      }
      const data = await handler(parsed.data, { user } as Ctx<A>);
      // Whatever changed shows on the next view of a public page.
      clearPageCache();
      return { status: "ok", data, message: opts.successMessage ? (await getTranslations())(opts.successMessage) : undefined };
    } catch (e) {
      unstable_rethrow(e);
      const t = await getTranslations();
      if (isAppError(e)) {
        const fieldErrors = e.fields
          ? Object.fromEntries(
              Object.entries(e.fields).map(([k, m]) => {
                const [key, values] = typeof m === "string" ? [m, undefined] : m;
                return [k, t.has(key) ? t(key, values) : t("errors.invalid")];
              }),
            )
          : undefined;
        // Without a message key of its own the error speaks for its code ("forbidden" is also a page's namespace).
        const key = e.message !== e.code && t.has(e.message) ? e.message : codeKeys[e.code];
        return { status: "error", message: t(key), fieldErrors, values: values() };
      }
      const requestId = randomUUID().slice(0, 8);
      console.error(`[action] request ${requestId} failed`, e);
      return { status: "error", message: t("errors.unexpected", { requestId }), values: values(), requestId };
    }
  };
}

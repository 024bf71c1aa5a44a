// Shared by server actions and the client forms that call them (no server-only imports here).
export type ActionState<T = unknown> = {
  status: "idle" | "ok" | "error";
  /** Already in the user's language. */
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, so the form can show it again (never passwords). */
  values?: Record<string, string>;
  data?: T;
  requestId?: string;
  /** Set when the session has ended, so a form can offer to sign in again without losing its text. */
  signedOut?: boolean;
};

export const idleState: ActionState<never> = { status: "idle" };

import type { ActionState } from "@/lib/action-state";

/** The form-level outcome of an action, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (state.status === "idle" || !state.message) return null;
  const ok = state.status === "ok";
  return (
    <p
      role={ok ? "status" : "alert"}
      className={`rounded-md border px-3 py-2 ${ok ? "border-accent/30 bg-accent-soft text-accent-deep" : "border-danger/30 bg-red-50 text-danger"}`}
    >
      {state.message}
    </p>
  );
}

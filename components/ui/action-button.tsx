"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { idleState } from "@/lib/action-state";
import { Button } from "./button";

type Props<T> = {
  action: (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  fields: Record<string, string | number>;
  label: string;
  /** Asked once before a destructive action, saying what it will do. */
  confirmText?: string;
  variant?: "primary" | "secondary" | "warm" | "ghost";
};

/** One button that runs one action with fixed inputs, and says how it went. */
export function ActionButton<T>({ action, fields, label, confirmText, variant = "secondary" }: Props<T>) {
  const [state, run, pending] = useActionState(action, idleState as ActionState<T>);
  return (
    <form action={run} className="flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        type="submit"
        variant={variant}
        disabled={pending}
        onClick={(e) => {
          if (confirmText && !window.confirm(confirmText)) e.preventDefault();
        }}
      >
        {label}
      </Button>
      {state.status === "error" && state.message ? (
        <p role="alert" className="text-sm text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * "Asks once": the first press opens the question, the second does it. A disclosure, so it
 * needs no script and works with the keyboard.
 */
export function ConfirmDetails({ label, question, confirmLabel, danger = false, children }: { label: string; question: string; confirmLabel: string; danger?: boolean; children?: ReactNode }) {
  return (
    <details className="group">
      <summary className={buttonClass("secondary", `cursor-pointer list-none ${danger ? "text-danger" : ""}`)}>{label}</summary>
      <div className="mt-2 flex flex-col gap-2 rounded-md border border-line bg-paper p-3">
        <p>{question}</p>
        {children}
        <button type="submit" className={buttonClass(danger ? "warm" : "primary", "self-start")}>
          {confirmLabel}
        </button>
      </div>
    </details>
  );
}

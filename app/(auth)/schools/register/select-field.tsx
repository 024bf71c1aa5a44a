import type { ComponentProps, ReactNode } from "react";

type SelectFieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
} & ComponentProps<"select">;

/** A labelled select, its hint and error tied to it for screen readers (the select twin of Field). */
export function SelectField({ name, label, hint, error, children, id, className = "", ...select }: SelectFieldProps) {
  const selectId = id ?? `field-${name}`;
  const described = [hint ? `${selectId}-hint` : null, error ? `${selectId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={selectId} className="font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${selectId}-hint`} className="text-sm text-ink-soft">
          {hint}
        </p>
      ) : null}
      <select
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className="min-h-11 rounded-md border border-line bg-white px-3 py-2 text-base text-ink aria-invalid:border-danger"
        {...select}
      >
        {children}
      </select>
      {error ? (
        <p id={`${selectId}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

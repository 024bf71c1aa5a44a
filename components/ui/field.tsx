import type { ComponentProps, ReactNode } from "react";

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optionalLabel?: string;
} & ComponentProps<"input">;

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field({ name, label, hint, error, optionalLabel, id, className = "", ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const described = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={inputId} className="font-medium">
        {label}
        {optionalLabel ? <span className="ml-2 text-sm font-normal text-ink-soft">{optionalLabel}</span> : null}
      </label>
      {hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-ink-soft">
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className="min-h-11 rounded-md border border-line bg-white px-3 py-2 text-base text-ink aria-invalid:border-danger"
        {...input}
      />
      {error ? (
        <p id={`${inputId}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

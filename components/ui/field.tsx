import type { ComponentProps, ReactNode } from "react";

type Common = { name: string; label: ReactNode; hint?: ReactNode; error?: string; optionalLabel?: string };

const controlClass =
  "min-h-11 w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink aria-invalid:border-danger disabled:bg-paper-deep";

/** Label, hint and error wrapped around a control, tied together for screen readers. */
function Shell({ id, label, hint, error, optionalLabel, className = "", children }: Omit<Common, "name"> & { id: string; className?: string; children: (describedBy: string | undefined) => ReactNode }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="font-medium">
        {label}
        {optionalLabel ? <span className="ml-2 text-sm font-normal text-ink-soft">{optionalLabel}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-soft">
          {hint}
        </p>
      ) : null}
      {children(described)}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Field({ name, label, hint, error, optionalLabel, id, className, ...input }: Common & ComponentProps<"input">) {
  const inputId = id ?? `field-${name}`;
  return (
    <Shell id={inputId} label={label} hint={hint} error={error} optionalLabel={optionalLabel} className={className}>
      {(describedBy) => (
        <input id={inputId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={controlClass} {...input} />
      )}
    </Shell>
  );
}

export function TextareaField({ name, label, hint, error, optionalLabel, id, className, ...textarea }: Common & ComponentProps<"textarea">) {
  const inputId = id ?? `field-${name}`;
  return (
    <Shell id={inputId} label={label} hint={hint} error={error} optionalLabel={optionalLabel} className={className}>
      {(describedBy) => (
        <textarea id={inputId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={`${controlClass} min-h-32`} {...textarea} />
      )}
    </Shell>
  );
}

export function SelectField({ name, label, hint, error, optionalLabel, id, className, children, ...select }: Common & ComponentProps<"select">) {
  const inputId = id ?? `field-${name}`;
  return (
    <Shell id={inputId} label={label} hint={hint} error={error} optionalLabel={optionalLabel} className={className}>
      {(describedBy) => (
        <select id={inputId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={controlClass} {...select}>
          {children}
        </select>
      )}
    </Shell>
  );
}

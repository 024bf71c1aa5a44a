import type { ComponentProps, ReactNode } from "react";

type Props = {
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  optionalLabel?: string;
  options: { value: string; label: string }[];
} & Omit<ComponentProps<"select">, "children">;

/** A labelled select that looks and reads like components/ui/field. */
export function SelectField({ name, label, error, hint, optionalLabel, options, id, className = "", ...select }: Props) {
  const selectId = id ?? `field-${name}`;
  const described = [hint ? `${selectId}-hint` : null, error ? `${selectId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={selectId} className="font-medium">
        {label}
        {optionalLabel ? <span className="ml-2 text-sm font-normal text-ink-soft">{optionalLabel}</span> : null}
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
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${selectId}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

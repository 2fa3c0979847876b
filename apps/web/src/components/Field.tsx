import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled input with its hint and its error next to it (aria-describedby, aria-invalid). */
export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-err` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error && (
        <span id={`${id}-err`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** Checkboxes in a fieldset; `value` holds the ticked keys. */
export function CheckGroup<K extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
  name,
  error,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly { key: K; label: ReactNode }[];
  value: readonly K[];
  onChange(v: K[]): void;
  name: string;
  error?: string | undefined;
}) {
  return (
    <fieldset
      className="field checks"
      aria-describedby={error ? `${name}-err` : hint ? `${name}-hint` : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <span id={`${name}-hint`} className="hint">
          {hint}
        </span>
      )}
      <div className="check-grid">
        {options.map((o) => (
          <label key={o.key} className="check">
            <input
              type="checkbox"
              name={name}
              value={o.key}
              checked={value.includes(o.key)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, o.key] : value.filter((k) => k !== o.key))
              }
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <span id={`${name}-err`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}

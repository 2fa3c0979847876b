import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  Textbox,
} from '@utrecht/component-library-react';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

/** The ids a field's input points at with aria-describedby: its hint, then its error. */
function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return (
    [hint ? `${id}-hint` : null, error ? `${id}-err` : null].filter(Boolean).join(' ') || undefined
  );
}

function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <>
      {hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-err`}>{error}</FormFieldErrorMessage>}
    </>
  );
}

/** A labelled NL Design System textbox with its hint and its error next to it (aria-describedby, aria-invalid). */
export function TextField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <FormField invalid={Boolean(error)} className={className}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <HintAndError id={id} hint={hint} error={error} />
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={id}
          invalid={Boolean(error)}
          aria-describedby={describedBy(id, hint, error)}
          {...input}
        />
      </div>
    </FormField>
  );
}

/** A labelled NL Design System select; `children` are its options. */
export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <FormField invalid={Boolean(error)} className={className}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <HintAndError id={id} hint={hint} error={error} />
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          invalid={Boolean(error)}
          aria-describedby={describedBy(id, hint, error)}
          {...select}
        >
          {children}
        </Select>
      </div>
    </FormField>
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
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy(name, hint, error)}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      <HintAndError id={name} hint={hint} error={error} />
      <div className="check-grid">
        {options.map((o) => (
          <FormField key={o.key} type="checkbox">
            <div className="utrecht-form-field__input">
              <Checkbox
                id={`${name}-${o.key}`}
                name={name}
                value={o.key}
                checked={value.includes(o.key)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, o.key] : value.filter((k) => k !== o.key))
                }
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <FormLabel htmlFor={`${name}-${o.key}`} type="checkbox">
                {o.label}
              </FormLabel>
            </div>
          </FormField>
        ))}
      </div>
    </Fieldset>
  );
}

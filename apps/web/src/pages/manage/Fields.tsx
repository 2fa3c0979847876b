import {
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormFieldTextarea,
  FormFieldTextbox,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';
import './manage.css';

/**
 * The manager forms' fields, from the NL Design System: label, hint and error beside each
 * input, wired with aria-describedby and aria-invalid by the components themselves.
 */

interface Common {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
}

export function TextBox({
  value,
  onValue,
  type = 'text',
  inputMode,
  ...c
}: Common & {
  value: string;
  onValue(v: string): void;
  type?: 'text' | 'date';
  inputMode?: 'decimal' | 'numeric';
}) {
  return (
    <FormFieldTextbox
      name={c.name}
      label={c.label}
      description={c.hint}
      invalid={Boolean(c.error)}
      errorMessage={c.error}
      required={c.required}
      type={type}
      value={value}
      inputMode={inputMode}
      onChange={(e) => onValue((e.target as HTMLInputElement).value)}
    />
  );
}

export function LongText({
  value,
  onValue,
  ...c
}: Common & { value: string; onValue(v: string): void }) {
  return (
    <FormFieldTextarea
      name={c.name}
      label={c.label}
      description={c.hint}
      invalid={Boolean(c.error)}
      errorMessage={c.error}
      rows={3}
      value={value}
      onChange={(e) => onValue(e.target.value)}
    />
  );
}

export function Choice<V extends string>({
  value,
  onValue,
  options,
  placeholder,
  ...c
}: Common & {
  value: V | '';
  onValue(v: V | ''): void;
  options: readonly { value: V; label: string }[];
  /** The label of the empty choice; without it a value must be chosen. */
  placeholder?: string;
}) {
  const id = useId();
  const describedBy =
    [c.hint ? `${id}-hint` : '', c.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={Boolean(c.error)} type="text">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{c.label}</FormLabel>
      </div>
      {c.hint && <FormFieldDescription id={`${id}-hint`}>{c.hint}</FormFieldDescription>}
      {c.error && <FormFieldErrorMessage id={`${id}-err`}>{c.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          name={c.name}
          value={value}
          invalid={Boolean(c.error)}
          aria-describedby={describedBy}
          onChange={(e) => onValue(e.target.value as V | '')}
        >
          {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

/** One yes/no tick box with its label beside it. */
export function Tick({
  name,
  label,
  checked,
  onChecked,
}: {
  name: string;
  label: ReactNode;
  checked: boolean;
  onChecked(v: boolean): void;
}) {
  const id = useId();
  return (
    <FormField type="checkbox">
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          name={name}
          checked={checked}
          onChange={(e) => onChecked(e.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      </div>
    </FormField>
  );
}

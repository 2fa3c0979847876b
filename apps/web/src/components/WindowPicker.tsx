import { useEffect, useId, useState } from 'react';
import { WINDOWS } from '@wegwijzer/domain/values';
import { useI18n, useStrings } from '../i18n.tsx';
import { monthlyStrings } from '../pages/monthly/strings.ts';
import { isStandardChoice, typedWindow } from '../pages/monthly/window.ts';
import { setQuery } from '../router.tsx';
import { FormLabel, Select, SelectOption, Textbox } from '@utrecht/component-library-react';

/**
 * The outcome window: a select offering the standard five and "other", and for "other" a
 * number input for any whole month from 1 to 60. Two labelled native controls rather than a
 * combobox: both work with every screen reader and keyboard as they are. Without `onChange`
 * the choice goes into the URL (`?window=`), as the result pages read it.
 */
export function WindowPicker({
  value,
  onChange,
  id: givenId,
  label,
}: {
  value: number;
  onChange?: (k: number) => void;
  id?: string;
  /** The select's label; "Periode na intake" unless given. */
  label?: string;
}) {
  const { t } = useI18n();
  const s = useStrings(monthlyStrings);
  const auto = useId();
  const id = givenId ?? `window-${auto}`;
  const [other, setOther] = useState(!isStandardChoice(value));
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const commit =
    onChange ?? ((k: number) => setQuery({ window: k === 12 ? undefined : String(k) }));
  const invalid = other && typedWindow(draft) === null;
  const showOther = other || !isStandardChoice(value);
  return (
    <div className="field inline window-picker no-print">
      <FormLabel htmlFor={id}>{label ?? t.window}</FormLabel>
      <Select
        id={id}
        value={showOther ? 'other' : String(value)}
        onChange={(e) => {
          if (e.target.value === 'other') {
            setOther(true);
            return;
          }
          setOther(false);
          commit(Number(e.target.value));
        }}
      >
        {WINDOWS.map((w) => (
          <SelectOption key={w} value={String(w)}>
            {t.months(w)}
          </SelectOption>
        ))}
        <SelectOption value="other">{s.otherWindow}</SelectOption>
      </Select>
      {showOther && (
        <>
          <FormLabel htmlFor={`${id}-months`}>{s.monthsInput}</FormLabel>
          <Textbox
            id={`${id}-months`}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            step={1}
            value={draft}
            aria-invalid={invalid || undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setDraft(e.target.value);
              const k = typedWindow(e.target.value);
              if (k !== null) commit(k);
            }}
          />
          <span
            id={`${id}-hint`}
            className={invalid ? 'field-error' : 'muted small'}
            role={invalid ? 'alert' : undefined}
          >
            {invalid ? s.monthsError : s.monthsHint}
          </span>
        </>
      )}
    </div>
  );
}

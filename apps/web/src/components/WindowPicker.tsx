import { useEffect, useId, useState } from 'react';
import { WINDOWS } from '@wegwijzer/domain/values';
import { useI18n, useStrings } from '../i18n.tsx';
import { monthlyStrings } from '../pages/monthly/strings.ts';
import { isStandardChoice, typedWindow } from '../pages/monthly/window.ts';
import { setQuery } from '../router.tsx';

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
      <label htmlFor={id}>{label ?? t.window}</label>
      <select
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
          <option key={w} value={w}>
            {t.months(w)}
          </option>
        ))}
        <option value="other">{s.otherWindow}</option>
      </select>
      {showOther && (
        <>
          <label htmlFor={`${id}-months`}>{s.monthsInput}</label>
          <input
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

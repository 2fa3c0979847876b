import type { PilotVariableJson } from '@wegwijzer/domain';
import { useI18n, useStrings } from '../../i18n.tsx';
import { Choice, TextBox } from './Fields.tsx';
import { manageStrings } from './strings.ts';
import type { ValuesDraft, VariableField } from './variable-values.ts';

const label = (x: { label: string; labelEn: string | null }, locale: string) =>
  (locale === 'en' ? x.labelEn : null) ?? x.label;

/** One typed input per pilot variable: a choice of levels, yes/no, or a whole number within its bounds. */
export function VariableInputs({
  vars,
  values,
  onValue,
  err,
  prefix,
}: {
  vars: readonly PilotVariableJson[];
  values: ValuesDraft;
  onValue(code: string, v: string): void;
  err(k: VariableField): string | undefined;
  prefix: string;
}) {
  const s = useStrings(manageStrings);
  const { locale } = useI18n();
  return (
    <>
      {vars.map((v) => {
        const common = {
          name: `${prefix}-var-${v.code}`,
          label: label(v, locale),
          hint: v.description ?? undefined,
          error: err(`variables.${v.code}`),
        };
        const value = values[v.code] ?? '';
        if (v.type === 'integer')
          return (
            <TextBox
              key={v.code}
              {...common}
              hint={[v.description, s.wholeFromTo(v.min, v.max, locale)].filter(Boolean).join(' ')}
              inputMode="numeric"
              value={value}
              onValue={(x) => onValue(v.code, x)}
            />
          );
        const options =
          v.type === 'boolean'
            ? [
                { value: 'yes', label: s.yes },
                { value: 'no', label: s.no },
              ]
            : v.levels.map((l) => ({ value: l.code, label: label(l, locale) }));
        return (
          <Choice<string>
            key={v.code}
            {...common}
            value={value}
            onValue={(x) => onValue(v.code, x)}
            placeholder={s.notRecorded}
            options={options}
          />
        );
      })}
    </>
  );
}

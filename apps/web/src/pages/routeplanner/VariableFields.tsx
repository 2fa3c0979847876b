import { useQuery } from '@tanstack/react-query';
import { routeplannerQuery, type RouteplannerReply } from '../../api/queries.ts';
import { useI18n } from '../../i18n.tsx';
import type { VariableForm } from './profile.ts';
import type { PlannerStrings } from './strings.ts';
import {
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';

type ProfileVariable = RouteplannerReply['profileVariables'][number];

/**
 * The pilots' own variables as profile fields. Which exist comes from the planner's reply for
 * the whole population (the same request the empty profile makes, so it is cached for that).
 */
export function VariableFields({
  values,
  onChange,
  s,
}: {
  values: VariableForm;
  onChange: (v: VariableForm) => void;
  s: PlannerStrings;
}) {
  const q = useQuery(routeplannerQuery({ window: '12' }));
  const list = q.data?.profileVariables ?? [];
  if (list.length === 0) return null;
  return (
    <Fieldset>
      <FieldsetLegend>{s.variablesLegend}</FieldsetLegend>
      <p className="hint">{s.variablesHint}</p>
      <div className="planner-fields">
        {list.map((v) => (
          <VariableField
            key={v.code}
            v={v}
            value={values[v.code] ?? ''}
            onChange={(value) => onChange({ ...values, [v.code]: value })}
            s={s}
          />
        ))}
      </div>
    </Fieldset>
  );
}

function VariableField({
  v,
  value,
  onChange,
  s,
}: {
  v: ProfileVariable;
  value: string;
  onChange: (value: string) => void;
  s: PlannerStrings;
}) {
  const { t, locale } = useI18n();
  const label = (x: { label: string; labelEn: string | null }) =>
    (locale === 'en' ? x.labelEn : null) ?? x.label;
  const id = `rp-var-${v.code}`;
  const options =
    v.type === 'boolean'
      ? [
          { code: 'ja', text: t.yes },
          { code: 'nee', text: t.no },
        ]
      : v.levels.map((l) => ({ code: l.code, text: label(l) }));
  return (
    <div className="field">
      <FormLabel htmlFor={id}>
        {label(v)} <span className="muted">{s.declaredBy(v.pilotIds.length)}</span>
      </FormLabel>
      {v.type === 'integer' ? (
        <Textbox
          id={id}
          name={`variable-${v.code}`}
          type="number"
          inputMode="numeric"
          min={v.min ?? undefined}
          max={v.max ?? undefined}
          step={1}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Select
          id={id}
          name={`variable-${v.code}`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <SelectOption value="">{s.any}</SelectOption>
          {options.map((o) => (
            <SelectOption key={o.code} value={o.code}>
              {o.text}
            </SelectOption>
          ))}
        </Select>
      )}
    </div>
  );
}

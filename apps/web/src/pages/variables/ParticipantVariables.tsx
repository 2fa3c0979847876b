import { useQuery } from '@tanstack/react-query';
import type { PilotVariableJson, VariableValue } from '@wegwijzer/domain';
import { formatNumber } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { variableLevelLabel } from '../balance/rows.ts';
import { variablesQuery } from './queries.ts';
import { variableStrings } from './strings.ts';

/** A participant's values of the pilot's own variables, labelled as the pilot declared them. */
export function ParticipantVariables({
  pilotId,
  values,
}: {
  pilotId: string;
  values: Readonly<Record<string, VariableValue>> | undefined;
}) {
  const { t, locale } = useI18n();
  const s = useStrings(variableStrings);
  const q = useQuery(variablesQuery(pilotId));
  const vars = q.data?.items ?? [];
  if (vars.length === 0) return null;
  const shown = (v: PilotVariableJson) => {
    const x = values?.[v.code];
    if (x === undefined) return s.notRecorded;
    if (typeof x === 'boolean') return x ? t.yes : t.no;
    if (typeof x === 'number') return formatNumber(x, 0, locale);
    return variableLevelLabel(v, x, locale);
  };
  return (
    <section className="card" aria-labelledby="pv-h">
      <h2 id="pv-h">{s.title}</h2>
      <dl className="kv">
        {vars.map((v) => (
          <div key={v.code}>
            <dt>{(locale === 'en' ? v.labelEn : null) ?? v.label}</dt>
            <dd>{shown(v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

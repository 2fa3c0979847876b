import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useArmLook } from '../../charts/arms.tsx';
import { Query } from '../../components/States.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { forecastQuery } from './queries.ts';
import { modelStrings } from './strings.ts';
import { FormLabel, Heading2, Textbox } from '@utrecht/component-library-react';

/** "When will we know": on the pilot page, for everyone but viewers (the API refuses them). */
export function ForecastSection({
  pilotId,
  windowMonths,
}: {
  pilotId: string;
  windowMonths: number;
}) {
  const { locale } = useI18n();
  const s = modelStrings[locale];
  const look = useArmLook();
  const [target, setTarget] = useState(100);
  const q = useQuery(forecastQuery(pilotId, windowMonths, target));
  return (
    <section aria-labelledby="forecast-title" className="forecast">
      <Heading2 id="forecast-title">{s.forecastTitle}</Heading2>
      <div className="field inline no-print">
        <FormLabel htmlFor="forecast-target">{s.target}</FormLabel>
        <Textbox
          id="forecast-target"
          type="number"
          min={1}
          max={100000}
          value={target}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 1) setTarget(v);
          }}
        />
      </div>
      <Query q={q}>
        {(r) => (
          <>
            <ul>
              {r.arms.map((a) => {
                const arm = look.label(a.arm);
                return (
                  <li key={a.arm}>
                    {a.date === null
                      ? s.forecastNone(arm, formatNumber(a.toEnroll, 0, locale))
                      : s.forecastArm(arm, formatDate(a.date, locale), a.reached)}{' '}
                    {a.date !== null &&
                      a.toEnroll > 0 &&
                      s.forecastProjected(formatNumber(a.toEnroll, 0, locale))}
                  </li>
                );
              })}
            </ul>
            <p className="small muted">{s.forecastNote(windowMonths)}</p>
          </>
        )}
      </Query>
    </section>
  );
}

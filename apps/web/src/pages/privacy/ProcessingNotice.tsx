import type { Pilot } from '@wegwijzer/domain';
import { formatDate } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { privacyStrings } from './strings.ts';
import { Alert, Heading2 } from '@utrecht/component-library-react';

/** The processing record a researcher sees before exporting (SPEC §8). */
export function ProcessingNotice({ pilot }: { pilot: Pilot }) {
  const { locale } = useI18n();
  const s = useStrings(privacyStrings);
  const p = pilot.processing;
  const rows: [string, string | null][] = [
    [s.register.purpose, p.purpose],
    [s.register.legalBasis, p.legalBasis],
    [s.register.agreementRef, p.agreementRef],
    [s.register.department, p.department],
    [s.register.contact, p.contact],
    [s.processing.retainUntil, formatDate(pilot.retainUntil, locale)],
  ];
  const incomplete = rows.some(([, v]) => !v);
  return (
    <section className="card" aria-labelledby="processing-h">
      <Heading2 id="processing-h">{s.processing.title}</Heading2>
      <p className="muted">{s.processing.intro}</p>
      <dl className="kv">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v ?? <em>{s.register.missing}</em>}</dd>
          </div>
        ))}
      </dl>
      {incomplete && <Alert type="warning">{s.processing.notRecorded}</Alert>}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { worklistQuery } from '../api/queries.ts';
import { Empty, Query } from '../components/States.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';

export function WorklistTab({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const q = useQuery(worklistQuery(pilotId));
  const field = (f: string) => (t.fields as Record<string, string>)[f] ?? f;
  return (
    <section aria-labelledby="wl-h">
      <h2 id="wl-h">{t.worklistTitle}</h2>
      <p className="muted">{t.worklistIntro}</p>
      <Query q={q}>
        {(d) =>
          d.items.length === 0 ? (
            <Empty />
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.ref}</th>
                  <th scope="col">{t.intake}</th>
                  <th scope="col">{t.dueMarks}</th>
                  <th scope="col">{t.missingFields}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((i) => (
                  <tr key={i.participantId}>
                    <th scope="row">
                      <Link to={`/participants/${i.participantId}`}>{i.participantRef}</Link>
                    </th>
                    <td>{formatDate(i.intakeDate, locale)}</td>
                    <td>{i.dueMarks.join(', ') || '–'}</td>
                    <td>{i.missingFields.map(field).join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Query>
    </section>
  );
}

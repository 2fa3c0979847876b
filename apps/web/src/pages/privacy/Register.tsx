import { useQuery } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import type { Register as RegisterReply } from '@wegwijzer/domain';
import { api, unwrap } from '../../api/client.ts';
import { ErrorState, Loading } from '../../components/States.tsx';
import { formatDate } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { privacyStrings } from './strings.ts';

export const registerQuery = () =>
  queryOptions({
    queryKey: ['processing-register'],
    queryFn: () => unwrap<RegisterReply>(api.api['processing-register'].$get()),
  });

const FIELDS = ['purpose', 'legalBasis', 'agreementRef', 'department', 'contact'] as const;

/** The register of processing activities (AVG art. 30): one row per pilot, with a CSV download. */
export function Register() {
  const { locale } = useI18n();
  const s = useStrings(privacyStrings).register;
  const q = useQuery(registerQuery());
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <section aria-labelledby="register-h">
      <h2 id="register-h">{s.title}</h2>
      <p className="muted">{s.intro}</p>
      <p>
        <a className="btn btn-secondary" href="/api/processing-register.csv" download>
          {s.download}
        </a>
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{s.name}</th>
              {FIELDS.map((f) => (
                <th key={f} scope="col">
                  {s[f]}
                </th>
              ))}
              <th scope="col">{s.retainUntil}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((r) => (
              <tr key={r.pilotId}>
                <th scope="row">{r.name}</th>
                {FIELDS.map((f) => (
                  <td key={f}>{r.processing[f] ?? <em className="negative">{s.missing}</em>}</td>
                ))}
                <td>
                  {formatDate(r.retainUntil, locale)}
                  {r.retention.review && <> ({s.review})</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import type { Register as RegisterReply } from '@wegwijzer/domain';
import { api, unwrap } from '../../api/client.ts';
import { ErrorState, Loading } from '../../components/States.tsx';
import { formatDate } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { privacyStrings } from './strings.ts';
import {
  Heading2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../../components/ScrollTable.tsx';

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
      <Heading2 id="register-h">{s.title}</Heading2>
      <p className="muted">{s.intro}</p>
      <p>
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href="/api/processing-register.csv"
          download
        >
          {s.download}
        </a>
      </p>
      <ScrollTable labelledBy="register-h">
        <Table className="data-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{s.name}</TableHeaderCell>
              {FIELDS.map((f) => (
                <TableHeaderCell key={f} scope="col">
                  {s[f]}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{s.retainUntil}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.items.map((r) => (
              <TableRow key={r.pilotId}>
                <TableHeaderCell scope="row">{r.name}</TableHeaderCell>
                {FIELDS.map((f) => (
                  <TableCell key={f}>
                    {r.processing[f] ?? <em className="negative">{s.missing}</em>}
                  </TableCell>
                ))}
                <TableCell>
                  {formatDate(r.retainUntil, locale)}
                  {r.retention.review && <> ({s.review})</>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
    </section>
  );
}

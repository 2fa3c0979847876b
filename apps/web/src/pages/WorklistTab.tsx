import { useQuery } from '@tanstack/react-query';
import { worklistQuery } from '../api/queries.ts';
import { Empty, Query } from '../components/States.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import {
  Heading2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../components/ScrollTable.tsx';

export function WorklistTab({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const q = useQuery(worklistQuery(pilotId));
  const field = (f: string) => (t.fields as Record<string, string>)[f] ?? f;
  return (
    <section aria-labelledby="wl-h">
      <Heading2 id="wl-h">{t.worklistTitle}</Heading2>
      <p className="muted">{t.worklistIntro}</p>
      <Query q={q}>
        {(d) =>
          d.items.length === 0 ? (
            <Empty />
          ) : (
            <ScrollTable labelledBy="wl-h">
              <Table className="data-table">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t.ref}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.intake}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.dueMarks}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.missingFields}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {d.items.map((i) => (
                    <TableRow key={i.participantId}>
                      <TableHeaderCell scope="row">
                        <Link to={`/participants/${i.participantId}`}>{i.participantRef}</Link>
                      </TableHeaderCell>
                      <TableCell>{formatDate(i.intakeDate, locale)}</TableCell>
                      <TableCell>{i.dueMarks.join(', ') || '–'}</TableCell>
                      <TableCell>{i.missingFields.map(field).join(', ') || '–'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollTable>
          )
        }
      </Query>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { participantsQuery } from '../api/queries.ts';
import { ArmTag } from '../components/Num.tsx';
import { useArmLook } from '../charts/arms.tsx';
import { Empty, Query } from '../components/States.tsx';
import { formatDate, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { valueLabel } from '../labels.ts';
import { Link, setQuery, useLocation } from '../router.tsx';
import { AddParticipant } from './manage/AddParticipant.tsx';
import {
  Button,
  FormLabel,
  Heading2,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../components/ScrollTable.tsx';

const PAGE_SIZE = 25;

/** Searchable, filterable, paged participant table; search, arm and page live in the URL. */
export function ParticipantsTab({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const loc = useLocation();
  const ref = loc.query.get('ref') ?? '';
  const armQ = loc.query.get('arm');
  const look = useArmLook();
  const arm = armQ && look.codes.includes(armQ) ? armQ : undefined;
  const page = Math.max(1, Number(loc.query.get('page') ?? 1) || 1);
  const q = useQuery(
    participantsQuery(pilotId, { ref: ref || undefined, arm, page, pageSize: PAGE_SIZE }),
  );
  return (
    <section aria-labelledby="pt-h">
      <Heading2 id="pt-h">{t.tabs.participants}</Heading2>
      <AddParticipant pilotId={pilotId} />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <FormLabel htmlFor="ref">{t.search}</FormLabel>
          <Textbox
            id="ref"
            type="search"
            defaultValue={ref}
            onChange={(e) => setQuery({ ref: e.target.value, page: undefined })}
          />
        </div>
        <div className="field">
          <FormLabel htmlFor="arm">{t.armFilter}</FormLabel>
          <Select
            id="arm"
            value={arm ?? ''}
            onChange={(e) => setQuery({ arm: e.target.value, page: undefined })}
          >
            <SelectOption value="">{t.all}</SelectOption>
            {look.codes.map((a) => (
              <SelectOption key={a} value={a}>
                {look.label(a)}
              </SelectOption>
            ))}
          </Select>
        </div>
      </form>
      <Query q={q}>
        {(d) => {
          const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
          return d.items.length === 0 ? (
            <Empty />
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {t.total(formatNumber(d.total, 0, locale))}
              </p>
              <ScrollTable>
                <Table className="data-table">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t.ref}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t.armFilter}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t.intake}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t.fields.household}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t.fields.ladderStep}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {d.items.map((p) => (
                      <TableRow key={p.id}>
                        <TableHeaderCell scope="row">
                          <Link to={`/participants/${p.id}`}>{p.participantRef}</Link>
                        </TableHeaderCell>
                        <TableCell>
                          <ArmTag arm={p.arm} />
                        </TableCell>
                        <TableCell>{formatDate(p.intakeDate, locale)}</TableCell>
                        <TableCell>{valueLabel('household', p.household, t)}</TableCell>
                        <TableCell>{p.ladderStep ?? '–'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollTable>
              <nav className="pager" aria-label={t.page(d.page, pages)}>
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  disabled={d.page <= 1}
                  onClick={() => setQuery({ page: d.page - 1 }, false)}
                >
                  {t.prev}
                </Button>
                <span>{t.page(d.page, pages)}</span>
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  disabled={d.page >= pages}
                  onClick={() => setQuery({ page: d.page + 1 }, false)}
                >
                  {t.next}
                </Button>
              </nav>
            </>
          );
        }}
      </Query>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { BalanceReply, PilotVariableJson } from '@wegwijzer/domain';
import { RoundedNote } from '../../components/Num.tsx';
import { Query } from '../../components/States.tsx';
import { formatNumber, formatPercent } from '../../format.ts';
import { useI18n, useStrings, type Dict } from '../../i18n.tsx';
import { valueLabel, type BaselineField } from '../../labels.ts';
import { variablesQuery } from '../variables/queries.ts';
import { balanceQuery } from './queries.ts';
import { balanceLines, variableLevelLabel, type BalanceLine, type Cell } from './rows.ts';
import { balanceStrings } from './strings.ts';

/** The balance table ("Tabel 1") of a pilot: NL Design System table, the 0.1 mark in words too. */
export default function BalanceSection({ pilotId }: { pilotId: string }) {
  const s = useStrings(balanceStrings);
  const q = useQuery(balanceQuery(pilotId));
  const vars = useQuery(variablesQuery(pilotId));
  return (
    <section aria-labelledby="balance-title" className="balance">
      <h2 id="balance-title">{s.title}</h2>
      <p>{s.intro}</p>
      <Query q={q}>{(b) => <BalanceView b={b} variables={vars.data?.items ?? []} />}</Query>
    </section>
  );
}

function BalanceView({ b, variables }: { b: BalanceReply; variables: PilotVariableJson[] }) {
  const { t, locale } = useI18n();
  const s = useStrings(balanceStrings);
  const byCode = new Map(variables.map((v) => [v.code, v]));
  const armName = (a: string) => (t.arms as Record<string, string>)[a] ?? a;
  const compared = b.reference === null ? [] : b.arms.filter((a) => a !== b.reference);
  const lines = balanceLines(b);
  return (
    <>
      <p className="muted">
        {b.reference === null ? s.noControl : s.mark(formatNumber(b.mark, 1, locale))}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="balance-title">
        <Table className="data-table balance-table">
          <TableCaption>{s.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{s.characteristic}</TableHeaderCell>
              {b.arms.map((a) => (
                <TableHeaderCell key={a} scope="col" className="num">
                  {armName(a)}
                  <br />
                  <span className="muted">
                    n = {b.sizes[a] == null ? '<10' : formatNumber(b.sizes[a]!, 0, locale)}
                  </span>
                </TableHeaderCell>
              ))}
              {compared.map((a) => (
                <TableHeaderCell key={a} scope="col" className="num">
                  {s.difference(armName(a))}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((line, i) => (
              <TableRow key={i} className={line.heading ? 'balance-field' : undefined}>
                <TableHeaderCell scope="row" className={line.heading ? undefined : 'indent'}>
                  {lineLabel(line, t, s, byCode, locale)}
                </TableHeaderCell>
                {b.arms.map((a) => (
                  <TableCell key={a} className="num">
                    {line.cells[a] ? cellText(line.cells[a]!, locale) : ''}
                  </TableCell>
                ))}
                {compared.map((a) => {
                  const d = line.smd[a];
                  return (
                    <TableCell key={a} className={d?.flagged ? 'num flagged' : 'num'}>
                      {d?.d == null ? '' : formatNumber(d.d, 2, locale)}
                      {d?.flagged && (
                        <>
                          {' '}
                          <span aria-hidden="true">▲</span>
                          <span className="sr-only">{s.flagged}</span>
                        </>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <RoundedNote rounded={b.rounded} />
    </>
  );
}

function cellText(c: Cell, locale: 'nl' | 'en'): string {
  if (c.kind === 'mean')
    return c.mean === null
      ? '–'
      : `${formatNumber(c.mean, 1, locale)}${c.sd === null ? '' : ` (${formatNumber(c.sd, 1, locale)})`}`;
  if (c.count === null) return '<10';
  const share = c.share === null ? '' : ` (${formatPercent(c.share, 0, locale)})`;
  return `${formatNumber(c.count, 0, locale)}${share}`;
}

const STANDARD = new Set<string>([
  'household',
  'education',
  'hasDebts',
  'disability',
  'refugeeStatus',
  'motivation',
  'ladderStep',
]);

function lineLabel(
  line: BalanceLine,
  t: Dict,
  s: (typeof balanceStrings)['nl'],
  vars: Map<string, PilotVariableJson>,
  locale: 'nl' | 'en',
): string {
  const v = vars.get(line.field);
  if (line.heading) {
    const name =
      line.source === 'variable'
        ? `${(locale === 'en' ? v?.labelEn : null) ?? v?.label ?? line.field} (${s.ownVariable})`
        : line.field === 'age'
          ? s.age
          : ((t.fields as Record<string, string>)[line.field] ?? line.field);
    return line.level === 'mean' ? `${name}, ${s.meanSd}` : name;
  }
  if (line.level === null) return s.missing;
  if (typeof line.level === 'boolean') return line.level ? t.yes : t.no;
  if (line.source === 'variable') return variableLevelLabel(v, String(line.level), locale);
  if (STANDARD.has(line.field)) return valueLabel(line.field as BaselineField, line.level, t);
  return String(line.level);
}

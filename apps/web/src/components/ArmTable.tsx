import type { ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ArmKey } from '../charts/mappers.ts';
import { formatInterval, formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { Cell } from '../suppression.ts';
import { ArmTag, Num } from './Num.tsx';
import { ScrollTable } from './ScrollTable.tsx';

/**
 * A chart's "show as table" view: one row a point of its x-axis, one column an arm (`TickTable`
 * is the other way round). Scrolls in its own box on a phone.
 */
export function ArmTable<R>({
  className,
  corner,
  arms,
  armNote,
  rows,
  rowKey,
  rowHeader,
  cell,
}: {
  className?: string;
  /** The header of the x-axis column. */
  corner: string;
  arms: readonly ArmKey[];
  /** What every arm column shows, after the arm's name, e.g. " (95%-BI; n)". */
  armNote?: string;
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  rowHeader: (row: R) => ReactNode;
  cell: (row: R, arm: ArmKey) => ReactNode;
}) {
  return (
    <ScrollTable>
      <Table className={`data-table${className ? ` ${className}` : ''}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{corner}</TableHeaderCell>
            {arms.map((a) => (
              <TableHeaderCell key={a} scope="col">
                <ArmTag arm={a} />
                {armNote}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={rowKey(r)}>
              <TableHeaderCell scope="row">{rowHeader(r)}</TableHeaderCell>
              {arms.map((a) => (
                <TableCell key={a}>{cell(r, a)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

/**
 * A rate with its 95% interval and the n it is of, each shown or suppressed as the reply says:
 * "41,2% (30,1–52,9%); n = 85". `count` marks `n` as a count of participants ("<10").
 */
export function RateWithN({
  rate,
  ci,
  n,
  count = false,
}: {
  rate: Cell;
  ci: readonly [number, number] | null | undefined;
  n: Cell;
  count?: boolean;
}) {
  const { locale } = useI18n();
  return (
    <>
      <Num c={rate} fmt={(v) => formatPercent(v, 1, locale)} />
      {ci && ` (${formatInterval(ci, locale)})`}; n ={' '}
      <Num c={n} fmt={(v) => formatNumber(v, 0, locale)} count={count} />
    </>
  );
}

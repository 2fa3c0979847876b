import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ArmKey } from '../charts/mappers.ts';
import { ArmTag } from './Num.tsx';
import { ScrollTable } from './ScrollTable.tsx';

/**
 * The figures under a chart's x-axis, one row per arm and one column per tick (numbers at risk
 * under a Kaplan–Meier curve, evaluable n under the month-by-month line). Scrolls in its own box
 * on a phone.
 */
export function TickTable<T extends string | number>({
  caption,
  tickHeader,
  ticks,
  arms,
  cell,
  className,
}: {
  caption: string;
  tickHeader: string;
  ticks: readonly T[];
  arms: readonly ArmKey[];
  cell: (arm: ArmKey, tick: T, index: number) => string;
  className?: string;
}) {
  return (
    <ScrollTable label={caption}>
      <Table className={`data-table at-risk${className ? ` ${className}` : ''}`}>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{tickHeader}</TableHeaderCell>
            {ticks.map((x) => (
              <TableHeaderCell key={x} scope="col">
                {x}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {arms.map((a) => (
            <TableRow key={a}>
              <TableHeaderCell scope="row">
                <ArmTag arm={a} />
              </TableHeaderCell>
              {ticks.map((x, i) => (
                <TableCell key={x}>{cell(a, x, i)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

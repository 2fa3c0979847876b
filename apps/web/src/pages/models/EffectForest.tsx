import {
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  XAxis,
  YAxis,
} from 'recharts';
import { Figure } from '../../components/Figure.tsx';
import { formatInterval, formatNumber, formatP } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { ratioDomain, type ForestFailure, type ForestRow } from './mappers.ts';
import type { ModelStrings } from './strings.ts';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

const COLOR = '#0072B2';
const RATIO_TICKS = [0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 10];

/**
 * Forest plot of unadjusted and adjusted effects: hazard ratios on a log scale around 1, or risk
 * differences in percentage points around 0. Models without an estimate are listed in words.
 */
export function EffectForest({
  title,
  alt,
  rows,
  failures,
  kind,
  s,
}: {
  title: string;
  alt: string;
  rows: ForestRow[];
  failures: ForestFailure[];
  kind: 'ratio' | 'difference';
  s: ModelStrings;
}) {
  const { locale } = useI18n();
  const ratio = kind === 'ratio';
  // Differences on whole multiples of 5 points around 0; ratios on the usual log ticks.
  const domain: [number, number] = ratio
    ? ratioDomain(rows)
    : [
        Math.floor(Math.min(0, ...rows.map((r) => r.lo)) / 5) * 5 - 5,
        Math.ceil(Math.max(0, ...rows.map((r) => r.hi)) / 5) * 5 + 5,
      ];
  const step = !ratio && domain[1] - domain[0] > 60 ? 10 : 5;
  const ticks = ratio
    ? RATIO_TICKS.filter((v) => v >= domain[0] && v <= domain[1])
    : Array.from(
        { length: Math.floor((domain[1] - domain[0]) / step) + 1 },
        (_, i) => domain[0] + i * step,
      );
  const value = (v: number) => formatNumber(v, ratio ? 2 : 1, locale);
  return (
    <>
      {rows.length > 0 && (
        <Figure
          title={title}
          alt={alt}
          chart={
            <ResponsiveContainer width="100%" height={70 + rows.length * 48}>
              <ComposedChart
                layout="vertical"
                data={rows}
                margin={{ left: 8, right: 24, top: 8, bottom: 12 }}
                accessibilityLayer={false}
              >
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis
                  type="number"
                  dataKey="estimate"
                  scale={ratio ? 'log' : 'linear'}
                  domain={domain}
                  ticks={ticks}
                  allowDataOverflow
                  tickFormatter={(v: number) => value(v)}
                  label={{
                    value: ratio ? s.hazardRatio : s.difference,
                    position: 'insideBottom',
                    offset: -2,
                  }}
                  height={44}
                />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={140}
                  padding={{ top: 24, bottom: 24 }}
                />
                <ReferenceLine x={ratio ? 1 : 0} stroke="#333" />
                <Scatter dataKey="estimate" fill={COLOR} isAnimationActive={false}>
                  <ErrorBar
                    dataKey="error"
                    direction="x"
                    width={8}
                    stroke={COLOR}
                    strokeWidth={2}
                  />
                </Scatter>
              </ComposedChart>
            </ResponsiveContainer>
          }
          table={
            <Table className="data-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{s.model}</TableHeaderCell>
                  <TableHeaderCell scope="col">
                    {ratio ? s.hazardRatio : s.difference}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">{s.interval}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.p}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.label}>
                    <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
                    <TableCell>{value(r.estimate)}</TableCell>
                    <TableCell>
                      {ratio
                        ? `${value(r.lo)}–${value(r.hi)}`
                        : formatInterval([r.lo / 100, r.hi / 100], locale)}
                    </TableCell>
                    <TableCell>{r.p === null ? '–' : formatP(r.p, locale)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          }
        />
      )}
      {failures.map((f) => (
        <p key={f.label} className="state state-empty">
          <strong>{f.label}</strong>: {f.text}
        </p>
      ))}
    </>
  );
}

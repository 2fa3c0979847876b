import { useQueries, useQuery } from '@tanstack/react-query';
import {
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { debtSurvivalQuery, outcomesQuery, WINDOW_OPTIONS } from '../../api/queries.ts';
import { debtWindowRows, stabilisedCurve, trimTail } from '../../charts/debts.ts';
import { KM_TICKS as TICKS, KmChart } from '../../charts/KmChart.tsx';
import { kmBand, kmRows, kmValue } from '../../charts/mappers.ts';
import { Figure } from '../../components/Figure.tsx';
import { ArmTag, Num } from '../../components/Num.tsx';
import { Empty, ErrorState, Loading, Query } from '../../components/States.tsx';
import { formatInterval, formatNumber, formatPercent } from '../../format.ts';
import { useArmLook } from '../../charts/arms.tsx';
import { useI18n, useStrings } from '../../i18n.tsx';
import { cellText } from '../../suppression.ts';
import { debtStrings } from './strings.ts';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

/** The share with debts under control at 6/12/18/24/36 months: a line per arm with intervals. */
export function DebtOverTime({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const s = useStrings(debtStrings);
  const qs = useQueries({ queries: WINDOW_OPTIONS.map((w) => outcomesQuery(pilotId, w)) });
  const failed = qs.find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} />;
  if (qs.some((q) => q.isPending)) return <Loading />;
  const rows = debtWindowRows(qs.map((q) => q.data!));
  const arms = look.codes.filter((a) => rows.some((r) => r.cells[a]));
  const pct0 = (v: number) => formatPercent(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  const n = (v: number) => formatNumber(v, 0, locale);
  return (
    <Figure
      title={s.overTimeTitle}
      alt={`${s.overTimeAlt} ${rows
        .map(
          (r) =>
            `${t.months(r.window)}: ${arms.map((a) => `${look.label(a)} ${cellText(r.cells[a]?.rate ?? { kind: 'missing' }, pct, t.notShown)}`).join(', ')}`,
        )
        .join('; ')}.`}
      chart={
        <div className="chart">
          <ResponsiveContainer width="100%" height={280}>
            <ComposedChart
              accessibilityLayer={false}
              data={rows}
              margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
            >
              <CartesianGrid stroke="#e3e3e3" />
              <XAxis
                dataKey="window"
                type="number"
                domain={[0, 36]}
                ticks={[...WINDOW_OPTIONS]}
                label={{ value: t.window, position: 'insideBottom', offset: -12 }}
              />
              <YAxis domain={[0, 1]} tickFormatter={pct0} width={48} />
              <Tooltip formatter={(v) => pct(Number(v))} />
              <Legend verticalAlign="top" />
              {arms.map((a) => (
                <Line
                  key={a}
                  dataKey={a}
                  name={look.label(a)}
                  stroke={look.style(a).color}
                  strokeWidth={2}
                  strokeDasharray={look.style(a).dash}
                  dot={{ r: 4 }}
                  isAnimationActive={false}
                  connectNulls
                >
                  <ErrorBar dataKey={`${a}Err`} width={6} stroke={look.style(a).color} />
                </Line>
              ))}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <Table className="data-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.window}</TableHeaderCell>
              {arms.map((a) => (
                <TableHeaderCell key={a} scope="col">
                  <ArmTag arm={a} /> (95%-BI; n)
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.window}>
                <TableHeaderCell scope="row">{t.months(r.window)}</TableHeaderCell>
                {arms.map((a) => {
                  const c = r.cells[a];
                  return (
                    <TableCell key={a}>
                      {c ? (
                        <>
                          <Num c={c.rate} fmt={pct} />
                          {c.ci && ` (${formatInterval(c.ci, locale)})`}; n ={' '}
                          <Num c={c.n} fmt={n} count />
                        </>
                      ) : (
                        '–'
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    />
  );
}

/** Kaplan–Meier time to stabilisation, drawn as the share under control so far (up is good). */
export function DebtKaplanMeier({ pilotId }: { pilotId: string }) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const s = useStrings(debtStrings);
  const q = useQuery(debtSurvivalQuery(pilotId));
  return (
    <Query q={q}>
      {(reply) => {
        const rows = stabilisedCurve(kmRows(trimTail(reply)));
        const arms = Object.keys(reply.arms).filter((a) => reply.arms[a]?.points.length);
        if (!arms.length) return <Empty />;
        const maxT = rows.at(-1)?.t ?? 0;
        const ticks = TICKS.filter((x) => x <= maxT);
        const pct = (v: number) => formatPercent(v, 0, locale);
        const median = (a: string) => {
          const m = reply.arms[a]?.median;
          return m == null
            ? t.notReached
            : `${formatNumber(m, 0, locale)} ${s.days.split(' ')[0]!.toLowerCase()}`;
        };
        const at = (tick: number) => [...rows].reverse().find((x) => x.t <= tick);
        return (
          <Figure
            title={s.kmTitle}
            alt={`${s.kmAlt} ${arms.map((a) => `${look.label(a)}: ${s.kmMedian.toLowerCase()} ${median(a)}`).join('; ')}.`}
            chart={
              <div className="chart">
                <KmChart
                  rows={rows}
                  arms={arms}
                  armLabel={(a) => look.label(a)}
                  ticks={ticks}
                  xLabel={s.days}
                  pct={pct}
                  height={300}
                />
                <p className="small">
                  {arms
                    .map((a) => `${look.label(a)}: ${s.kmMedian.toLowerCase()} ${median(a)}.`)
                    .join(' ')}
                </p>
              </div>
            }
            table={
              <Table className="data-table">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{s.days}</TableHeaderCell>
                    {arms.map((a) => (
                      <TableHeaderCell key={a} scope="col">
                        <ArmTag arm={a} />
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {ticks.map((tick) => (
                    <TableRow key={tick}>
                      <TableHeaderCell scope="row">{tick}</TableHeaderCell>
                      {arms.map((a) => {
                        const r = at(tick);
                        const v = kmValue(r, a);
                        const band = kmBand(r, a);
                        return (
                          <TableCell key={a}>
                            {v != null
                              ? `${pct(v)}${band ? ` (${formatInterval(band, locale)})` : ''}`
                              : '–'}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            }
          />
        );
      }}
    </Query>
  );
}

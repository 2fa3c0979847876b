import { useQuery } from '@tanstack/react-query';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { statusByMonthQuery, type StatusByMonthReply } from '../../api/queries.ts';
import { Figure } from '../../components/Figure.tsx';
import { Empty, Query } from '../../components/States.tsx';
import { formatInterval, formatNumber, formatPercent } from '../../format.ts';
import { useArmLook } from '../../charts/arms.tsx';
import { useI18n, useStrings } from '../../i18n.tsx';
import { cellText } from '../../suppression.ts';
import {
  nTicks,
  statusArms,
  statusRate,
  statusRows,
  type ArmKey,
  type StatusRow,
} from './status.ts';
import { monthlyStrings } from './strings.ts';
import { TickTable } from '../../components/TickTable.tsx';
import { ArmTable, RateWithN } from '../../components/ArmTable.tsx';

/** Status by month on the pilot page and in Analyse (its own chunk: it carries Recharts). */
export default function StatusByMonthFigure({ pilotId }: { pilotId: string }) {
  const q = useQuery(statusByMonthQuery(pilotId));
  return <Query q={q}>{(r) => <StatusChart reply={r} />}</Query>;
}

function StatusChart({ reply }: { reply: StatusByMonthReply }) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const s = useStrings(monthlyStrings);
  const rows = statusRows(reply);
  const arms = statusArms(reply);
  if (rows.length === 0) return <Empty />;
  const pct0 = (v: number) => formatPercent(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  const n = (v: number) => formatNumber(v, 0, locale);
  const drawn = (a: ArmKey) => rows.filter((r) => statusRate(r, a) !== null);
  const altArms = arms
    .map((a) => {
      const d = drawn(a);
      if (d.length === 0) return `${look.label(a)}: ${s.altEmpty}`;
      const first = d[0]!;
      const end = d.at(-1)!;
      return s.altArm(
        look.label(a),
        pct(statusRate(first, a)!),
        t.months(first.month),
        pct(statusRate(end, a)!),
        t.months(end.month),
      );
    })
    .join(' ');
  const ticks = nTicks(rows);
  const last = rows.at(-1)!.month;
  return (
    <section className="card status-by-month" aria-label={s.title}>
      <p className="muted">{s.intro}</p>
      <Figure
        title={s.title}
        alt={s.alt(altArms)}
        chart={
          <div className="chart">
            <ResponsiveContainer width="100%" height={320}>
              <ComposedChart
                accessibilityLayer={false}
                data={rows}
                margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
              >
                <CartesianGrid stroke="#e3e3e3" />
                <XAxis
                  dataKey="month"
                  type="number"
                  domain={[1, last]}
                  ticks={ticks}
                  label={{ value: s.month, position: 'insideBottom', offset: -12 }}
                />
                <YAxis domain={[0, 1]} tickFormatter={pct0} width={48} />
                <Tooltip
                  formatter={(v) =>
                    Array.isArray(v)
                      ? formatInterval(v as [number, number], locale)
                      : pct(Number(v))
                  }
                  labelFormatter={(m) => t.months(Number(m))}
                />
                <Legend verticalAlign="top" />
                {arms.map((a) => (
                  <Area
                    key={`${a}-band`}
                    dataKey={`${a}Band`}
                    name={`${look.label(a)} — ${s.interval}`}
                    stroke="none"
                    fill={look.style(a).color}
                    fillOpacity={0.15}
                    legendType="none"
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                ))}
                {arms.map((a) => (
                  <Line
                    key={a}
                    dataKey={a}
                    name={look.label(a)}
                    stroke={look.style(a).color}
                    strokeWidth={2}
                    strokeDasharray={look.style(a).dash}
                    dot={false}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                ))}
              </ComposedChart>
            </ResponsiveContainer>
            <p className="muted small">{s.note(reply.minEvaluable)}</p>
          </div>
        }
        table={<StatusTable rows={rows} arms={arms} />}
      />
      <TickTable
        className="status-n"
        caption={s.nBelow}
        tickHeader={s.month}
        ticks={ticks}
        arms={arms}
        cell={(a, m) => {
          const c = rows.find((r) => r.month === m)?.cells[a];
          return c ? cellText(c.evaluable, n) : s.tooFew;
        }}
      />
    </section>
  );
}

function StatusTable({ rows, arms }: { rows: StatusRow[]; arms: ArmKey[] }) {
  const s = useStrings(monthlyStrings);
  return (
    <ArmTable
      className="status-table"
      corner={s.month}
      arms={arms}
      armNote={` — ${s.share} (${s.interval}); ${s.evaluable}`}
      rows={rows}
      rowKey={(r) => r.month}
      rowHeader={(r) => r.month}
      cell={(r, a) => {
        const c = r.cells[a];
        if (!c) return <span className="muted">{s.tooFew}</span>;
        return <RateWithN rate={c.rate} ci={c.ci} n={c.evaluable} />;
      }}
    />
  );
}

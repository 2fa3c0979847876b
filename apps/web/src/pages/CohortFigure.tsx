import { useQuery } from '@tanstack/react-query';
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
import { cohortsQuery } from '../api/queries.ts';
import { useArmLook } from '../charts/arms.tsx';
import {
  cohortBand,
  cohortRate,
  cohortRows,
  type ArmKey,
  type CohortRow,
} from '../charts/mappers.ts';
import type { ReferenceMark } from '../charts/reference.ts';
import { Figure } from '../components/Figure.tsx';
import { referenceLabel } from '../components/References.tsx';
import { referenceLineElements } from '../charts/referenceLines.tsx';
import { ArmTag, Num } from '../components/Num.tsx';
import { Empty, Query } from '../components/States.tsx';
import { formatInterval, formatNumber, formatPercent, type Locale } from '../format.ts';
import { useI18n, useStrings } from '../i18n.tsx';
import { cellText } from '../suppression.ts';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../components/ScrollTable.tsx';

const strings = {
  nl: {
    title: (m: number) => `Uitstroom na ${m} maanden per intakemaand`,
    alt: 'Lijn per groep over de maanden van intake: welk deel van de deelnemers die in die maand begonnen, na de gekozen periode uit de bijstand is, met 95%-interval.',
    month: 'Intakemaand',
    evaluable: 'beoordeeld',
    tooEarly: 'nog te vroeg',
    note: 'Per maand zijn de groepen klein, dus de intervallen zijn breed. Maanden waarvan nog niemand lang genoeg gevolgd is, hebben geen punt.',
  },
  en: {
    title: (m: number) => `Exit after ${m} months by intake month`,
    alt: 'One line per group over the intake months: which share of the participants who started in that month is off social assistance after the chosen period, with 95% interval.',
    month: 'Intake month',
    evaluable: 'assessed',
    tooEarly: 'too recent',
    note: 'Monthly groups are small, so the intervals are wide. Months in which no one has been followed long enough have no point.',
  },
};

/** "2024-03" → "mrt 2024" / "Mar 2024". */
function monthLabel(ym: string, locale: Locale): string {
  const [y, m] = ym.split('-').map(Number);
  if (!y || !m) return ym;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

const err = (r: CohortRow, a: ArmKey): [number, number] | undefined => {
  const v = cohortRate(r, a);
  const b = cohortBand(r, a);
  return v != null && b ? [v - b[0], b[1] - v] : undefined;
};

/** Exit rate by intake cohort on the Resultaten tab: a line per arm over intake months, with intervals and a table view. */
export default function CohortFigure({
  pilotId,
  windowMonths,
  marks = [],
}: {
  pilotId: string;
  windowMonths: number;
  /** Reference figures for this window, drawn as labelled horizontal lines. */
  marks?: readonly ReferenceMark[];
}) {
  const q = useQuery(cohortsQuery(pilotId, windowMonths));
  return (
    <Query q={q}>
      {(r) => <CohortChart rows={cohortRows(r)} windowMonths={windowMonths} marks={marks} />}
    </Query>
  );
}

function CohortChart({
  rows,
  windowMonths,
  marks,
}: {
  rows: CohortRow[];
  windowMonths: number;
  marks: readonly ReferenceMark[];
}) {
  const { t, locale } = useI18n();
  const s = useStrings(strings);
  if (rows.length === 0) return <Empty />;
  const look = useArmLook();
  const arms = look.codes.filter((a) => rows.some((r) => r.cells[a]));
  const data = rows.map((r) => ({
    ...r,
    label: monthLabel(r.month, locale),
    ...Object.fromEntries(arms.map((a) => [`${a}Err`, err(r, a)])),
  }));
  const pct0 = (v: number) => formatPercent(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  const n = (v: number) => formatNumber(v, 0, locale);
  const shown = rows.filter((r) => arms.some((a) => cohortRate(r, a) != null));
  const alt = `${s.alt} ${shown
    .map(
      (r) =>
        `${monthLabel(r.month, locale)}: ${arms.map((a) => `${look.label(a)} ${cellText(r.cells[a]?.rate ?? { kind: 'missing' }, pct, t.notShown)}`).join(', ')}`,
    )
    .join('; ')}.${marks.map((m) => ` ${referenceLabel(m, t, locale)}.`).join('')}`;
  return (
    <Figure
      title={s.title(windowMonths)}
      alt={alt}
      chart={
        <div className="chart">
          <ResponsiveContainer width="100%" height={300}>
            <ComposedChart
              accessibilityLayer={false}
              data={data}
              margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
            >
              <CartesianGrid stroke="#e3e3e3" />
              <XAxis
                dataKey="label"
                interval="preserveStartEnd"
                minTickGap={24}
                label={{ value: s.month, position: 'insideBottom', offset: -12 }}
              />
              <YAxis domain={[0, 1]} tickFormatter={pct0} width={48} />
              <Tooltip formatter={(v) => pct(Number(v))} />
              <Legend verticalAlign="top" />
              {referenceLineElements(marks, t, locale)}
              {arms.map((a) => (
                <Line
                  key={a}
                  dataKey={a}
                  name={look.label(a)}
                  stroke={look.style(a).color}
                  strokeWidth={2}
                  strokeDasharray={look.style(a).dash}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                  connectNulls={false}
                >
                  <ErrorBar
                    dataKey={`${a}Err`}
                    width={4}
                    stroke={look.style(a).color}
                    strokeOpacity={0.6}
                  />
                </Line>
              ))}
            </ComposedChart>
          </ResponsiveContainer>
          <p className="muted small">{s.note}</p>
        </div>
      }
      table={
        <ScrollTable>
          <Table className="data-table cohort-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{s.month}</TableHeaderCell>
                {arms.map((a) => (
                  <TableHeaderCell key={a} scope="col">
                    <ArmTag arm={a} /> (95%-BI; {s.evaluable})
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.month}>
                  <TableHeaderCell scope="row">{monthLabel(r.month, locale)}</TableHeaderCell>
                  {arms.map((a) => {
                    const c = r.cells[a];
                    return (
                      <TableCell key={a}>
                        {c?.evaluable.kind === 'value' && c.evaluable.value === 0 ? (
                          <span className="muted">{s.tooEarly}</span>
                        ) : c ? (
                          <>
                            <Num c={c.rate} fmt={pct} />
                            {c.ci && ` (${formatInterval(c.ci, locale)})`}; n ={' '}
                            <Num c={c.evaluable} fmt={n} count />
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
        </ScrollTable>
      }
    />
  );
}

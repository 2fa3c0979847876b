import { useQuery } from '@tanstack/react-query';
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
import { Empty, Query } from '../components/States.tsx';
import { formatPercent, type Locale } from '../format.ts';
import { useI18n, useStrings } from '../i18n.tsx';
import { cellText } from '../suppression.ts';
import { ArmLineChart } from '../charts/ArmLineChart.tsx';
import { ArmTable, RateWithN } from '../components/ArmTable.tsx';

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
          <ArmLineChart
            data={data}
            arms={arms}
            height={300}
            x={{ dataKey: 'label', interval: 'preserveStartEnd', minTickGap: 24 }}
            xLabel={s.month}
            yMax={1}
            yTick={pct0}
            tip={pct}
            marks={referenceLineElements(marks, t, locale)}
            dot={3}
            connectNulls={false}
            errorBar={{ width: 4, opacity: 0.6 }}
          />
          <p className="muted small">{s.note}</p>
        </div>
      }
      table={
        <ArmTable
          className="cohort-table"
          corner={s.month}
          arms={arms}
          armNote={` (95%-BI; ${s.evaluable})`}
          rows={rows}
          rowKey={(r) => r.month}
          rowHeader={(r) => monthLabel(r.month, locale)}
          cell={(r, a) => {
            const c = r.cells[a];
            if (c?.evaluable.kind === 'value' && c.evaluable.value === 0)
              return <span className="muted">{s.tooEarly}</span>;
            return c ? <RateWithN rate={c.rate} ci={c.ci} n={c.evaluable} count /> : '–';
          }}
        />
      }
    />
  );
}

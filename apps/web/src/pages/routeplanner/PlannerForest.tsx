import type { RouteplannerReply } from '../../api/queries.ts';
import { ARM_COLOR } from '../../charts/colors.ts';
import {
  fieldWord,
  forestScale,
  medianText,
  notComparableText,
  noteText,
  pointsRange,
  relaxedText,
  sectionRows,
  type FieldWord,
  type PlannerRow,
  type PlannerSection,
} from '../../charts/routeplanner.ts';
import { Figure } from '../../components/Figure.tsx';
import { Num } from '../../components/Num.tsx';
import { formatInterval, formatNumber, formatPercent, formatPoints } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { cellText } from '../../suppression.ts';
import type { PlannerStrings } from './strings.ts';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../../components/ScrollTable.tsx';

const W = 280;
const H = 34;
const OBS_COLOR = '#595959';

/**
 * The forest plot of the route planner: one row per option (an intervention arm of a pilot), in
 * two panels with their own scale.
 */
export function PlannerFigure({
  reply,
  rows,
  s,
}: {
  reply: RouteplannerReply;
  rows: PlannerRow[];
  s: PlannerStrings;
}) {
  const { locale } = useI18n();
  const word = fieldWord(s, reply.profileVariables, locale);
  const sections = (['difference', 'rate'] as const).filter(
    (sec) => sectionRows(rows, sec).length > 0,
  );
  return (
    <Figure
      title={s.forestTitle}
      alt={s.forestAlt}
      accessibleChart
      chart={
        <div className="forest planner-forest">
          {sections.map((sec) => (
            <Panel
              key={sec}
              section={sec}
              rows={sectionRows(rows, sec)}
              s={s}
              word={word}
              threshold={reply.threshold}
            />
          ))}
          <p className="small muted">{s.rankNote}</p>
        </div>
      }
      table={<PlannerTable rows={rows} s={s} word={word} threshold={reply.threshold} />}
    />
  );
}

function PilotCell({
  r,
  s,
  word,
  threshold,
}: {
  r: PlannerRow;
  s: PlannerStrings;
  word: FieldWord;
  threshold: number;
}) {
  const { t } = useI18n();
  const note = noteText(r, s, threshold);
  const lacking = notComparableText(r.notComparable, s, word);
  return (
    <TableHeaderCell scope="row" className="planner-pilot">
      <Link to={`/pilots/${r.pilotId}`} className="pilot-link">
        {r.optionName}
      </Link>
      {r.synthetic && <span className="badge">{t.synthetic}</span>}
      {r.kind !== 'controlled' && (
        <span className={`row-kind kind-${r.kind}`}>
          {r.kind === 'observational' ? s.observational : s.noComparison}
        </span>
      )}
      <span className="row-meta">{relaxedText(r.relaxed, s, word) ?? s.notRelaxed}</span>
      {lacking && <span className="row-note not-comparable">{lacking}</span>}
      {note && <span className="row-note">{note}</span>}
    </TableHeaderCell>
  );
}

function Panel({
  section,
  rows,
  s,
  word,
  threshold,
}: {
  section: PlannerSection;
  rows: PlannerRow[];
  s: PlannerStrings;
  word: FieldWord;
  threshold: number;
}) {
  const { locale } = useI18n();
  const scale = forestScale(rows, section);
  const x = (v: number) => 8 + ((v - scale.min) / (scale.max - scale.min)) * (W - 16);
  const n = (v: number) => formatNumber(v, 0, locale);
  // Whole points ("-20", "+20") under a difference, whole percentages under a rate.
  const tick = (v: number) =>
    section === 'difference'
      ? `${v > 0 ? '+' : ''}${formatNumber(v * 100, 0, locale)}`
      : formatPercent(v, 0, locale);
  const zeroLine =
    section === 'difference'
      ? {
          backgroundImage: 'linear-gradient(#333, #333)',
          backgroundSize: '1px 100%',
          backgroundPosition: `${x(0)}px 0`,
          backgroundRepeat: 'no-repeat',
        }
      : undefined;
  return (
    <Table className={`forest-table planner-table section-${section}`}>
      <TableCaption>{section === 'difference' ? s.sectionDifference : s.sectionRate}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{s.pilot}</TableHeaderCell>
          <TableHeaderCell scope="col">{s.nIntervention}</TableHeaderCell>
          <TableHeaderCell scope="col">{s.nControl}</TableHeaderCell>
          <TableHeaderCell scope="col" className="forest-plot-col">
            {section === 'difference' ? s.plotDifference : s.plotRate}
          </TableHeaderCell>
          <TableHeaderCell scope="col">{s.outcome}</TableHeaderCell>
          <TableHeaderCell scope="col">{s.median}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key} data-pilot={r.pilotId} data-arm={r.arm} data-kind={r.kind}>
            <PilotCell r={r} s={s} word={word} threshold={threshold} />
            <TableCell className="num">
              <Num c={r.nIntervention} fmt={n} count />
            </TableCell>
            <TableCell className="num">
              {r.nControl ? <Num c={r.nControl} fmt={n} count /> : '–'}
            </TableCell>
            <TableCell className="forest-plot-col" style={zeroLine}>
              <svg width={W} height={H} aria-hidden="true" focusable="false">
                <Mark r={r} x={x} s={s} />
              </svg>
            </TableCell>
            <TableCell>
              <Outcome r={r} s={s} />
            </TableCell>
            <TableCell>{medianText(r, s, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={3} />
          <TableCell className="forest-plot-col">
            <svg width={W} height={20} aria-hidden="true" focusable="false">
              {scale.ticks.map((v) => (
                <text
                  key={v}
                  x={Math.min(Math.max(x(v), 16), W - 16)}
                  y={14}
                  fontSize="11"
                  textAnchor="middle"
                >
                  {tick(v)}
                </text>
              ))}
            </svg>
          </TableCell>
          <TableCell colSpan={2} />
        </TableRow>
      </TableFooter>
    </Table>
  );
}

/** The point and interval: a filled square on a solid line for a difference, an open circle on a dashed line for a rate. */
function Mark({ r, x, s }: { r: PlannerRow; x: (v: number) => number; s: PlannerStrings }) {
  const { t } = useI18n();
  const y = H / 2;
  if (r.estimate.kind !== 'value')
    return (
      <text x={8} y={y + 4} fontSize="12">
        {r.estimate.kind === 'suppressed'
          ? t.suppressed
          : r.noteCode === 'too_few_matched'
            ? s.tooFew
            : '–'}
      </text>
    );
  const v = r.estimate.value;
  const diff = r.section === 'difference';
  const color = diff ? ARM_COLOR.intervention : OBS_COLOR;
  return (
    <g>
      {r.lo != null && r.hi != null && (
        <g stroke={color} strokeWidth={2} strokeDasharray={diff ? undefined : '5 3'}>
          <line x1={x(r.lo)} x2={x(r.hi)} y1={y} y2={y} />
          <line x1={x(r.lo)} x2={x(r.lo)} y1={y - 5} y2={y + 5} strokeDasharray="none" />
          <line x1={x(r.hi)} x2={x(r.hi)} y1={y - 5} y2={y + 5} strokeDasharray="none" />
        </g>
      )}
      {diff ? (
        <rect x={x(v) - 5} y={y - 5} width={10} height={10} fill={color} />
      ) : (
        <circle cx={x(v)} cy={y} r={5} fill="#fff" stroke={color} strokeWidth={2} />
      )}
    </g>
  );
}

/** The estimate in words beside the plot. */
function Outcome({ r, s }: { r: PlannerRow; s: PlannerStrings }) {
  const { t, locale } = useI18n();
  if (r.estimate.kind !== 'value')
    return r.noteCode === 'too_few_matched' ? (
      <>{s.tooFew}</>
    ) : (
      <Num c={r.estimate} fmt={(v) => formatPoints(v, locale)} />
    );
  const pct = (v: number) => formatPercent(v, 1, locale);
  if (r.section === 'difference')
    return (
      <>
        <strong>{formatPoints(r.estimate.value, locale)}</strong>
        {r.lo != null && r.hi != null && (
          <span className="row-meta">({pointsRange(r.lo, r.hi, s, locale)})</span>
        )}
        <span className="row-meta">
          {t.arms.intervention} <Num c={r.exit.rate} fmt={pct} /> · {t.arms.control}{' '}
          {r.exitControl ? <Num c={r.exitControl.rate} fmt={pct} /> : '–'}
        </span>
      </>
    );
  return (
    <>
      <strong>{pct(r.estimate.value)}</strong>
      <span className="row-meta">{exitDetail(r, t.ofN, locale)}</span>
    </>
  );
}

function exitDetail(
  r: PlannerRow,
  ofN: (x: string, n: string, ci: string) => string,
  locale: 'nl' | 'en',
): string {
  const n = (v: number) => formatNumber(v, 0, locale);
  return ofN(
    cellText(r.exit.count, n),
    cellText(r.nIntervention, n),
    r.exit.ci ? formatInterval(r.exit.ci, locale) : '–',
  );
}

/** "Toon als tabel": every figure of every pilot in one table. */
function PlannerTable({
  rows,
  s,
  word,
  threshold,
}: {
  rows: PlannerRow[];
  s: PlannerStrings;
  word: FieldWord;
  threshold: number;
}) {
  const { locale } = useI18n();
  const n = (v: number) => formatNumber(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  const notes = rows.some((r) => r.noteCode || r.notComparable.length > 0);
  const kind = (r: PlannerRow) =>
    r.kind === 'controlled'
      ? s.controlled
      : r.kind === 'observational'
        ? s.observational
        : s.noComparison;
  const exit = (c: PlannerRow['exit']) => (
    <>
      <Num c={c.rate} fmt={pct} />
      {c.ci && c.rate.kind === 'value' && ` (${formatInterval(c.ci, locale)})`}
    </>
  );
  return (
    <ScrollTable>
      <Table className="data-table planner-data">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{s.pilot}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.kind}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.nIntervention}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.nControl}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.exitIntervention}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.exitControl}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.difference}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.median}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.relaxedCol}</TableHeaderCell>
            {notes && <TableHeaderCell scope="col">{s.noteCol}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableHeaderCell scope="row">
                <Link to={`/pilots/${r.pilotId}`}>{r.optionName}</Link>
              </TableHeaderCell>
              <TableCell>{kind(r)}</TableCell>
              <TableCell className="num">
                <Num c={r.nIntervention} fmt={n} count />
              </TableCell>
              <TableCell className="num">
                {r.nControl ? <Num c={r.nControl} fmt={n} count /> : '–'}
              </TableCell>
              <TableCell>{exit(r.exit)}</TableCell>
              <TableCell>{r.exitControl ? exit(r.exitControl) : '–'}</TableCell>
              <TableCell>
                {r.section !== 'difference' ? (
                  '–'
                ) : r.estimate.kind === 'value' ? (
                  `${formatPoints(r.estimate.value, locale)}${r.lo != null && r.hi != null ? ` (${pointsRange(r.lo, r.hi, s, locale)})` : ''}`
                ) : (
                  <Num c={r.estimate} fmt={n} />
                )}
              </TableCell>
              <TableCell>{medianText(r, s, locale)}</TableCell>
              <TableCell>{r.relaxed.map(word).join(', ') || '–'}</TableCell>
              {notes && (
                <TableCell>
                  {[notComparableText(r.notComparable, s, word), noteText(r, s, threshold)]
                    .filter(Boolean)
                    .join(' ')}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}

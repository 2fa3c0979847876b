import { useQuery } from '@tanstack/react-query';
import { budgetQuery, type OutcomeSummary } from '../../api/queries.ts';
import { Figure } from '../../components/Figure.tsx';
import { Num } from '../../components/Num.tsx';
import { formatMoney } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { cellText, type Cell } from '../../suppression.ts';
import { savingsStory, type SavingsStory as Story } from './story.ts';
import { savingsStrings } from './strings.ts';
import './savings.css';

type StepKey =
  'avoidedBenefit' | 'offsetIncome' | 'counterfactual' | 'attributable' | 'guidanceCost' | 'result';

interface Step {
  key: StepKey;
  op: '' | '+ ' | '− ' | '= ';
  cell: Cell;
  /** Running total before and after the step, for the bar; a subtotal starts at 0. */
  from: number | null;
  to: number | null;
}

/** The ledger's steps in order, with the running total each bar spans. */
function steps(story: Story): Step[] {
  const v = (c: Cell) => (c.kind === 'value' ? c.value : null);
  const a = v(story.avoidedBenefit);
  const o = v(story.offsetIncome);
  const ao = a !== null && o !== null ? a + o : null;
  const out: Step[] = [
    {
      key: 'avoidedBenefit',
      op: '',
      cell: story.avoidedBenefit,
      from: a === null ? null : 0,
      to: a,
    },
    { key: 'offsetIncome', op: '+ ', cell: story.offsetIncome, from: a, to: ao },
  ];
  if (story.basis === 'net_effect')
    out.push(
      {
        key: 'counterfactual',
        op: '− ',
        cell: story.counterfactual,
        from: ao,
        to: v(story.attributable),
      },
      {
        key: 'attributable',
        op: '= ',
        cell: story.attributable,
        from: 0,
        to: v(story.attributable),
      },
    );
  const att = v(story.attributable);
  const r = v(story.result);
  out.push(
    { key: 'guidanceCost', op: '− ', cell: story.guidanceCost, from: att, to: r },
    { key: 'result', op: '= ', cell: story.result, from: 0, to: r },
  );
  return out.map((s) => (s.from === null || s.to === null ? { ...s, from: null, to: null } : s));
}

/**
 * The one savings story of a pilot (story.ts): the headline (net effect, or gross savings
 * without a control arm), the ledger that leads to it as a waterfall with its table, and the
 * return per euro on each cost base it can be given on, each saying which.
 */
export function SavingsStory({ o, pilotId }: { o: OutcomeSummary; pilotId: string }) {
  const { t, locale } = useI18n();
  const s = useStrings(savingsStrings);
  const budget = useQuery(budgetQuery(pilotId, o.windowMonths));
  const lines = budget.data?.lines ?? 0;
  const story = savingsStory(o, lines > 0 ? (budget.data?.totalBudget ?? null) : null);
  if (!story) return null;
  const money = (v: number) => formatMoney(v, false, locale);
  const cents = (v: number) => formatMoney(v, true, locale);
  const net = story.basis === 'net_effect';
  const label = (k: StepKey) =>
    k === 'attributable'
      ? net
        ? s.attributable
        : s.attributableGross
      : k === 'result'
        ? net
          ? s.netEffect
          : s.grossSavings
        : s[k];
  const list = steps(story);
  const vals = list.flatMap((x) => [x.from ?? 0, x.to ?? 0, 0]);
  const lo = Math.min(...vals);
  const span = Math.max(...vals) - lo || 1;
  const x = (v: number) => ((v - lo) / span) * 100;
  const resultValue = story.result.kind === 'value' ? story.result.value : null;
  const guidance = story.guidanceCost.kind === 'value' ? story.guidanceCost.value : null;
  return (
    <section
      className="card savings-story"
      aria-labelledby={`story-h-${o.windowMonths}`}
      data-basis={story.basis}
    >
      <h2 id={`story-h-${o.windowMonths}`}>{s.title(o.windowMonths)}</h2>
      <p className="net-savings">
        <span className="label">{net ? s.netEffect : s.grossSavings}</span>{' '}
        <strong
          className={resultValue !== null && resultValue < 0 ? 'negative' : undefined}
          data-testid="story-result"
        >
          <Num c={story.result} fmt={money} />
        </strong>
      </p>
      <p className="muted small">{net ? s.introNet : s.introGross}</p>
      <Figure
        title={s.ledger}
        alt={s.alt(
          list
            .map((st) => `${st.op}${label(st.key)} ${cellText(st.cell, money, t.notShown)}`)
            .join(' '),
        )}
        chart={
          <div className="waterfall">
            {list.map((st) => (
              <div className="wf-row" key={st.key} data-step={st.key}>
                <span className="wf-label">
                  {st.op}
                  {label(st.key)}
                </span>
                <div className="wf-track">
                  <div className="wf-zero" style={{ left: `${x(0)}%` }} />
                  {st.from !== null && st.to !== null ? (
                    <div
                      className={`wf-bar ${barClass(st)}`}
                      style={{
                        left: `${x(Math.min(st.from, st.to))}%`,
                        width: `${Math.max(Math.abs(x(st.to) - x(st.from)), 0.5)}%`,
                      }}
                    />
                  ) : (
                    <div className="wf-bar hatched" style={{ left: `${x(0)}%`, width: '4%' }} />
                  )}
                </div>
                <span className="wf-value">
                  <Num c={st.cell} fmt={money} />
                </span>
              </div>
            ))}
          </div>
        }
        table={
          <table className="data-table story-table">
            <tbody>
              {list.map((st) => (
                <tr key={st.key} data-step={st.key}>
                  <th scope="row">
                    {st.op}
                    {label(st.key)}
                  </th>
                  <td className="num">
                    <Num c={st.cell} fmt={money} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <h3>{s.perEuroTitle}</h3>
      <ul className="per-euro-bases">
        <li data-testid="per-euro-guidance">
          {s.perEuroGuidance(
            cellText(story.perEuroGuidance, cents, t.notShown),
            cellText(story.guidanceCost, money, t.notShown),
          )}
        </li>
        {story.budget !== null && (
          <li data-testid="per-euro-budget">
            {s.perEuroBudget(cellText(story.perEuroBudget, cents, t.notShown), money(story.budget))}
          </li>
        )}
      </ul>
      {story.budget !== null && guidance !== null && Math.abs(story.budget - guidance) >= 0.01 && (
        <p className="muted small">{s.basesDiffer}</p>
      )}
      {!net && <p className="muted small">{s.grossNote}</p>}
    </section>
  );
}

function barClass(st: Step): string {
  if (st.from === null || st.to === null) return '';
  if (st.op === '= ' || st.op === '')
    return st.to < 0 ? 'wf-net-neg' : st.key === 'result' ? 'wf-net' : 'wf-up';
  return st.to >= st.from ? 'wf-up' : 'wf-down';
}

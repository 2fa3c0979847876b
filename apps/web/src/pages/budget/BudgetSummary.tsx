import { useQuery } from '@tanstack/react-query';
import { budgetQuery, type BudgetReply } from '../../api/queries.ts';
import { budgetEffect, domainSegments, fundingMatrix } from '../../charts/budget.ts';
import { Figure } from '../../components/Figure.tsx';
import { Num } from '../../components/Num.tsx';
import { Empty, Query } from '../../components/States.tsx';
import { formatMoney, formatPercent } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { cellText } from '../../suppression.ts';
import { budgetStrings } from './strings.ts';

/**
 * "Begroting en financiering" (issue 11, finding 5): the cost per policy domain, who funds what,
 * and what each euro brings back for the municipality as a whole. Nothing on the Resultaten tab
 * for a pilot without budget lines (`hideWhenEmpty`).
 */
export default function BudgetSummary({
  pilotId,
  windowMonths,
  hideWhenEmpty = false,
}: {
  pilotId: string;
  windowMonths: number;
  hideWhenEmpty?: boolean;
}) {
  const s = useStrings(budgetStrings);
  const q = useQuery(budgetQuery(pilotId, windowMonths));
  return (
    <Query q={q}>
      {(b) =>
        b.lines === 0 && hideWhenEmpty ? null : (
          <section className="budget" aria-labelledby="budget-h">
            <h2 id="budget-h">{s.title}</h2>
            <p className="muted">{s.intro}</p>
            {b.lines === 0 ? <Empty>{s.noLines}</Empty> : <BudgetBody b={b} />}
          </section>
        )
      }
    </Query>
  );
}

function BudgetBody({ b }: { b: BudgetReply }) {
  const { t, locale } = useI18n();
  const s = useStrings(budgetStrings);
  const money = (v: number) => formatMoney(v, false, locale);
  const pct = (v: number) => formatPercent(v, 0, locale);
  const segs = domainSegments(b);
  const m = fundingMatrix(b);
  return (
    <>
      <PerEuro b={b} />
      <Figure
        title={s.byDomain}
        alt={s.byDomainAlt(
          segs.map((x) => `${s.domains[x.domain]} ${money(x.amount)} (${pct(x.share)})`).join(', '),
          money(b.totalBudget),
        )}
        chart={
          <>
            <div className="stacked budget-bar">
              {segs.map((x) => (
                <div
                  key={x.domain}
                  className={`seg domain-${x.domain}`}
                  style={{ width: `${x.share * 100}%` }}
                  title={`${s.domains[x.domain]}: ${money(x.amount)}`}
                >
                  {x.share > 0.12 && <span>{s.domains[x.domain]}</span>}
                </div>
              ))}
            </div>
            <ul className="legend">
              {segs.map((x) => (
                <li key={x.domain} data-domain={x.domain}>
                  <span className={`swatch domain-${x.domain}`} aria-hidden="true" />
                  {s.domains[x.domain]}: {money(x.amount)} ({pct(x.share)})
                </li>
              ))}
            </ul>
          </>
        }
        table={
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{s.domain}</th>
                <th scope="col">{s.amount}</th>
                <th scope="col">{s.share}</th>
              </tr>
            </thead>
            <tbody>
              {segs.map((x) => (
                <tr key={x.domain}>
                  <th scope="row">{s.domains[x.domain]}</th>
                  <td className="num">{money(x.amount)}</td>
                  <td className="num">{pct(x.share)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{s.total}</th>
                <td className="num">{money(b.totalBudget)}</td>
                <td />
              </tr>
            </tbody>
          </table>
        }
      />
      <div className="card table-scroll">
        <table className="data-table funding-table">
          <caption>{s.whoPays}</caption>
          <thead>
            <tr>
              <th scope="col">{s.funder}</th>
              {m.domains.map((d) => (
                <th key={d} scope="col" className="num">
                  {s.domains[d]}
                </th>
              ))}
              <th scope="col" className="num">
                {s.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r) => (
              <tr key={r.fundingSource}>
                <th scope="row">{r.fundingSource}</th>
                {m.domains.map((d) => (
                  <td key={d} className="num">
                    {r.byDomain[d] != null ? money(r.byDomain[d]) : '–'}
                  </td>
                ))}
                <td className="num">
                  {money(r.amount)}
                  {r.share != null && <span className="muted"> ({pct(r.share)})</span>}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{s.total}</th>
              {m.domains.map((d) => (
                <td key={d} className="num">
                  {money(m.totals[d] ?? 0)}
                </td>
              ))}
              <td className="num">{money(b.totalBudget)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <details className="definitions">
        <summary>{t.howComputed}</summary>
        <ul>
          {s.definitions.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

function PerEuro({ b }: { b: BudgetReply }) {
  const { locale } = useI18n();
  const s = useStrings(budgetStrings);
  const e = budgetEffect(b);
  const cents = (v: number) => formatMoney(v, true, locale);
  const money = (v: number) => formatMoney(v, false, locale);
  const domains = b.byDomain.filter((d) => d.amount > 0).length;
  return (
    <div className="card per-euro" data-testid="per-euro">
      <h3>{s.perEuroTitle}</h3>
      <p className="per-euro-figure">
        <span className="big-number">
          <Num c={e.perEuro} fmt={cents} />
        </span>
      </p>
      <p>
        {e.perEuro.kind === 'missing'
          ? s.perEuroUnknown(b.windowMonths)
          : e.perEuro.kind === 'suppressed'
            ? s.perEuroSuppressed
            : s.perEuro(cellText(e.perEuro, cents), b.windowMonths)}
      </p>
      {e.verdict === 'pays_off' && (
        <p className="verdict pays-off">{e.crossDomain ? s.paysOffCross(domains) : s.paysOff}</p>
      )}
      {e.verdict === 'not_yet' && <p className="verdict">{s.notYet(cellText(e.perEuro, cents))}</p>}
      <table className="data-table compact-table">
        <caption>{s.made}</caption>
        <tbody>
          <tr>
            <th scope="row">{s.avoidedBenefit}</th>
            <td className="num">
              <Num c={e.avoidedBenefit} fmt={money} />
            </td>
          </tr>
          <tr>
            <th scope="row">+ {s.offsetIncome}</th>
            <td className="num">
              <Num c={e.offsetIncome} fmt={money} />
            </td>
          </tr>
          {e.basis === 'net_effect' && (
            <tr>
              <th scope="row">− {s.counterfactual}</th>
              <td className="num">
                <Num c={e.counterfactual} fmt={money} />
              </td>
            </tr>
          )}
          <tr>
            <th scope="row">= {s.effectTotal}</th>
            <td className="num">
              <Num c={e.total} fmt={money} />
            </td>
          </tr>
          <tr>
            <th scope="row">÷ {s.budgetTotal}</th>
            <td className="num">{money(b.totalBudget)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

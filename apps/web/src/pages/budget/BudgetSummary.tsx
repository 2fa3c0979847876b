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
import {
  Heading2,
  Heading3,
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
            <Heading2 id="budget-h">{s.title}</Heading2>
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
          <ScrollTable>
            <Table className="data-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{s.domain}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.amount}</TableHeaderCell>
                  <TableHeaderCell scope="col">{s.share}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {segs.map((x) => (
                  <TableRow key={x.domain}>
                    <TableHeaderCell scope="row">{s.domains[x.domain]}</TableHeaderCell>
                    <TableCell className="num">{money(x.amount)}</TableCell>
                    <TableCell className="num">{pct(x.share)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableHeaderCell scope="row">{s.total}</TableHeaderCell>
                  <TableCell className="num">{money(b.totalBudget)}</TableCell>
                  <TableCell />
                </TableRow>
              </TableBody>
            </Table>
          </ScrollTable>
        }
      />
      <ScrollTable className="card">
        <Table className="data-table funding-table">
          <TableCaption>{s.whoPays}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{s.funder}</TableHeaderCell>
              {m.domains.map((d) => (
                <TableHeaderCell key={d} scope="col" className="num">
                  {s.domains[d]}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col" className="num">
                {s.total}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {m.rows.map((r) => (
              <TableRow key={r.fundingSource}>
                <TableHeaderCell scope="row">{r.fundingSource}</TableHeaderCell>
                {m.domains.map((d) => (
                  <TableCell key={d} className="num">
                    {r.byDomain[d] != null ? money(r.byDomain[d]) : '–'}
                  </TableCell>
                ))}
                <TableCell className="num">
                  {money(r.amount)}
                  {r.share != null && <span className="muted"> ({pct(r.share)})</span>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableHeaderCell scope="row">{s.total}</TableHeaderCell>
              {m.domains.map((d) => (
                <TableCell key={d} className="num">
                  {money(m.totals[d] ?? 0)}
                </TableCell>
              ))}
              <TableCell className="num">{money(b.totalBudget)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </ScrollTable>
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
  const { t, locale } = useI18n();
  const s = useStrings(budgetStrings);
  const e = budgetEffect(b);
  const cents = (v: number) => formatMoney(v, true, locale);
  const money = (v: number) => formatMoney(v, false, locale);
  const domains = b.byDomain.filter((d) => d.amount > 0).length;
  return (
    <div className="card per-euro" data-testid="per-euro">
      <Heading3>{s.perEuroTitle}</Heading3>
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
            : s.perEuro(cellText(e.perEuro, cents, t.notShown), b.windowMonths)}
      </p>
      {e.verdict === 'pays_off' && (
        <p className="verdict pays-off">{e.crossDomain ? s.paysOffCross(domains) : s.paysOff}</p>
      )}
      {e.verdict === 'not_yet' && (
        <p className="verdict">{s.notYet(cellText(e.perEuro, cents, t.notShown))}</p>
      )}
      <ScrollTable>
        <Table className="data-table compact-table">
          <TableCaption>{s.made}</TableCaption>
          <TableBody>
            <TableRow>
              <TableHeaderCell scope="row">{s.avoidedBenefit}</TableHeaderCell>
              <TableCell className="num">
                <Num c={e.avoidedBenefit} fmt={money} />
              </TableCell>
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">+ {s.offsetIncome}</TableHeaderCell>
              <TableCell className="num">
                <Num c={e.offsetIncome} fmt={money} />
              </TableCell>
            </TableRow>
            {e.basis === 'net_effect' && (
              <TableRow>
                <TableHeaderCell scope="row">− {s.counterfactual}</TableHeaderCell>
                <TableCell className="num">
                  <Num c={e.counterfactual} fmt={money} />
                </TableCell>
              </TableRow>
            )}
            <TableRow>
              <TableHeaderCell scope="row">= {s.effectTotal}</TableHeaderCell>
              <TableCell className="num">
                <Num c={e.total} fmt={money} />
              </TableCell>
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">÷ {s.budgetTotal}</TableHeaderCell>
              <TableCell className="num">{money(b.totalBudget)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </ScrollTable>
    </div>
  );
}

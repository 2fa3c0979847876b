import { useQuery } from '@tanstack/react-query';
import { comparisonQuery } from '../api/queries.ts';
import { headline } from '../charts/mappers.ts';
import { Num } from '../components/Num.tsx';
import { Empty, Query } from '../components/States.tsx';
import { formatInterval, formatMoney, formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { municipalityName } from '../labels.ts';
import { Link, useLocation } from '../router.tsx';
import { cell } from '../suppression.ts';
import { WindowPicker } from '../components/WindowPicker.tsx';
import { parseWindow } from './monthly/window.ts';

/** Pilots side by side on the same definitions (one /api/outcomes call). */
export default function Compare() {
  const { t, locale } = useI18n();
  const loc = useLocation();
  const windowMonths = parseWindow(loc.query.get('window'));
  const q = useQuery(comparisonQuery(windowMonths));
  const n = (v: number) => formatNumber(v, 0, locale);
  const pct = (v: number) => formatPercent(v, 1, locale);
  return (
    <div className="container">
      <h1>{t.compareTitle}</h1>
      <WindowPicker value={windowMonths} />
      <Query q={q}>
        {(d) =>
          d.pilots.length === 0 ? (
            <Empty />
          ) : (
            <div className="table-scroll">
              <table className="data-table compare">
                <caption>{t.offBenefitAfter(windowMonths)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.pilot}</th>
                    <th scope="col">{t.participants}</th>
                    <th scope="col">{t.arms.intervention} %</th>
                    <th scope="col">95%-BI</th>
                    <th scope="col">{t.arms.control} %</th>
                    <th scope="col">{t.difference}</th>
                    <th scope="col">{t.pendingText('').trim()}</th>
                    <th scope="col">{t.netSavings}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.pilots.map((o) => {
                    const hi = headline(o, 'intervention')!;
                    const hc = headline(o, 'control');
                    const net =
                      o.savingsBasis === 'net_effect'
                        ? cell(o.netEffect, '/netEffect', o.suppressed)
                        : cell(
                            o.arms.intervention.savings.net,
                            '/arms/intervention/savings/net',
                            o.suppressed,
                          );
                    return (
                      <tr key={o.pilotId}>
                        <th scope="row">
                          <Link to={`/pilots/${o.pilotId}`}>{o.name}</Link>{' '}
                          <span className="muted small">{municipalityName(o.municipality)}</span>
                        </th>
                        <td className="num">
                          <Num
                            c={cell(
                              o.arms.intervention.participants,
                              '/arms/intervention/participants',
                              o.suppressed,
                            )}
                            fmt={n}
                          />
                        </td>
                        <td className="num">
                          <Num c={hi.rate} fmt={pct} />
                        </td>
                        <td>{hi.ci ? formatInterval(hi.ci, locale) : '–'}</td>
                        <td className="num">{hc ? <Num c={hc.rate} fmt={pct} /> : '–'}</td>
                        <td>
                          {o.difference?.rate != null
                            ? `${pct(o.difference.rate)}${o.difference.ci95 ? ` (${formatInterval(o.difference.ci95, locale)})` : ''}`
                            : '–'}
                        </td>
                        <td className="num">
                          <Num c={hi.pending} fmt={n} />
                        </td>
                        <td className="num">
                          <Num c={net} fmt={(v) => formatMoney(v, false, locale)} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Query>
    </div>
  );
}

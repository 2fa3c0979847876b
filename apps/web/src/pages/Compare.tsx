import { useQuery } from '@tanstack/react-query';
import { comparisonQuery, pilotsQuery } from '../api/queries.ts';
import { headline } from '../charts/mappers.ts';
import { ArmTag, Num, RoundedNote } from '../components/Num.tsx';
import { Empty, Query } from '../components/States.tsx';
import { formatInterval, formatMoney, formatNumber, formatPercent } from '../format.ts';
import { useI18n, useStrings } from '../i18n.tsx';
import { municipalityName } from '../labels.ts';
import { Link, useLocation } from '../router.tsx';
import { cell } from '../suppression.ts';
import { WindowPicker } from '../components/WindowPicker.tsx';
import { parseWindow } from './monthly/window.ts';
import { vocabularyStrings } from './vocabulary/strings.ts';
import './findings/findings.css';

/** Pilots side by side on the same definitions (one /api/outcomes call). */
export default function Compare() {
  const { t, locale } = useI18n();
  const loc = useLocation();
  const windowMonths = parseWindow(loc.query.get('window'));
  const v = useStrings(vocabularyStrings);
  const q = useQuery(comparisonQuery(windowMonths));
  // "Deelnemers" is both arms everywhere: the same count as the pilot list gives Overzicht.
  const list = useQuery(pilotsQuery());
  const participants = new Map(list.data?.items.map((p) => [p.id, p.participants]) ?? []);
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
                    <th scope="col">{v.participantsBoth}</th>
                    <th scope="col">{t.arms.intervention} %</th>
                    <th scope="col">95%-BI</th>
                    <th scope="col">{t.arms.control} %</th>
                    <th scope="col">{t.difference}</th>
                    <th scope="col">{v.pendingPerArm}</th>
                    <th scope="col">{v.savings}</th>
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
                          {/* The pilot list's count, as Overzicht and Mijn pilots show it. */}
                          {participants.get(o.pilotId) != null
                            ? n(participants.get(o.pilotId)!)
                            : t.suppressed}
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
                          <ArmTag arm="intervention" /> <Num c={hi.pending} fmt={n} count />
                          {hc && (
                            <>
                              <br />
                              <ArmTag arm="control" /> <Num c={hc.pending} fmt={n} count />
                            </>
                          )}
                        </td>
                        <td className="num" data-savings-basis={o.savingsBasis}>
                          <Num c={net} fmt={(x) => formatMoney(x, false, locale)} />
                          <span className="muted small block">
                            {o.savingsBasis === 'net_effect' ? v.netEffect : v.gross}
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <RoundedNote rounded={d.rounded} />
            </div>
          )
        }
      </Query>
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { comparisonQuery, pilotsQuery } from '../api/queries.ts';
import { headline, type ArmKey } from '../charts/mappers.ts';
import { ArmTag, Num, RoundedNote } from '../components/Num.tsx';
import { Empty, Query } from '../components/States.tsx';
import { formatInterval, formatMoney, formatNumber, formatPercent } from '../format.ts';
import { useI18n, useStrings } from '../i18n.tsx';
import { municipalityName } from '../labels.ts';
import { Link, useLocation } from '../router.tsx';
import { WindowPicker } from '../components/WindowPicker.tsx';
import { parseWindow } from './monthly/window.ts';
import { vocabularyStrings } from './vocabulary/strings.ts';
import { savingsStory, storyArm } from './savings/story.ts';
import './findings/findings.css';
import {
  Heading1,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ScrollTable } from '../components/ScrollTable.tsx';

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
      <Heading1>{t.compareTitle}</Heading1>
      <WindowPicker value={windowMonths} />
      <Query q={q}>
        {(d) =>
          d.pilots.length === 0 ? (
            <Empty />
          ) : (
            <ScrollTable>
              <Table className="data-table compare">
                <TableCaption>{t.offBenefitAfter(windowMonths)}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t.pilot}</TableHeaderCell>
                    <TableHeaderCell scope="col">{v.participantsBoth}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.arms.intervention} %</TableHeaderCell>
                    <TableHeaderCell scope="col">95%-BI</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.arms.control} %</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.difference}</TableHeaderCell>
                    <TableHeaderCell scope="col">{v.pendingPerArm}</TableHeaderCell>
                    {/* Net effects and gross savings are never summed or sorted as one. */}
                    <TableHeaderCell scope="col">
                      {v.netColumn}
                      <span className="muted small block">{v.netColumnWho}</span>
                    </TableHeaderCell>
                    <TableHeaderCell scope="col">
                      {v.grossColumn}
                      <span className="muted small block">{v.grossColumnWho}</span>
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {d.pilots.map((o) => {
                    // A multi-arm pilot has no arm called intervention: its primary arm stands in,
                    // as for its net effect.
                    const primary = (storyArm(o) ?? 'intervention') as ArmKey;
                    const hi = headline(o, primary);
                    const hc = headline(o, 'control');
                    // The pilot page's one savings story, in the column of its basis.
                    const story = savingsStory(o);
                    const money = (x: number) => formatMoney(x, false, locale);
                    const savingsCell = (basis: 'net_effect' | 'gross') =>
                      story?.basis === basis ? <Num c={story.result} fmt={money} /> : '–';
                    return (
                      <TableRow key={o.pilotId}>
                        <TableHeaderCell scope="row">
                          <Link to={`/pilots/${o.pilotId}`}>{o.name}</Link>{' '}
                          <span className="muted small">{municipalityName(o.municipality)}</span>
                        </TableHeaderCell>
                        <TableCell className="num">
                          {/* The pilot list's count, as Overzicht and Mijn pilots show it. */}
                          {participants.get(o.pilotId) != null
                            ? n(participants.get(o.pilotId)!)
                            : t.suppressed}
                        </TableCell>
                        <TableCell className="num">
                          {hi ? <Num c={hi.rate} fmt={pct} /> : '–'}
                        </TableCell>
                        <TableCell>{hi?.ci ? formatInterval(hi.ci, locale) : '–'}</TableCell>
                        <TableCell className="num">
                          {hc ? <Num c={hc.rate} fmt={pct} /> : '–'}
                        </TableCell>
                        <TableCell>
                          {o.difference?.rate != null
                            ? `${pct(o.difference.rate)}${o.difference.ci95 ? ` (${formatInterval(o.difference.ci95, locale)})` : ''}`
                            : '–'}
                        </TableCell>
                        <TableCell className="num">
                          <ArmTag arm={primary} /> {hi ? <Num c={hi.pending} fmt={n} count /> : '–'}
                          {hc && (
                            <>
                              <br />
                              <ArmTag arm="control" /> <Num c={hc.pending} fmt={n} count />
                            </>
                          )}
                        </TableCell>
                        <TableCell className="num" data-savings-basis="net_effect">
                          {savingsCell('net_effect')}
                        </TableCell>
                        <TableCell className="num" data-savings-basis="gross">
                          {savingsCell('gross')}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
              <RoundedNote rounded={d.rounded} />
            </ScrollTable>
          )
        }
      </Query>
    </div>
  );
}

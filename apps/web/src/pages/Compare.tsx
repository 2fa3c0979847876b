import { useQuery } from '@tanstack/react-query';
import { comparisonQuery } from '../api/queries.ts';
import { headline } from '../charts/mappers.ts';
import { Num, RoundedNote } from '../components/Num.tsx';
import { Empty, Query } from '../components/States.tsx';
import { formatInterval, formatMoney, formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { municipalityName } from '../labels.ts';
import { Link, useLocation } from '../router.tsx';
import { cell } from '../suppression.ts';
import { WindowPicker } from '../components/WindowPicker.tsx';
import { parseWindow } from './monthly/window.ts';
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
  const q = useQuery(comparisonQuery(windowMonths));
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
                    <TableHeaderCell scope="col">{t.participants}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.arms.intervention} %</TableHeaderCell>
                    <TableHeaderCell scope="col">95%-BI</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.arms.control} %</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.difference}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.pendingText('').trim()}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.netSavings}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {d.pilots.map((o) => {
                    const hi = headline(o, 'intervention')!;
                    const hc = headline(o, 'control');
                    const net =
                      o.savingsBasis === 'net_effect'
                        ? cell(o.netEffect, '/netEffect', o.suppressed)
                        : cell(
                            o.arms.intervention?.savings.net ?? null,
                            '/arms/intervention/savings/net',
                            o.suppressed,
                          );
                    return (
                      <TableRow key={o.pilotId}>
                        <TableHeaderCell scope="row">
                          <Link to={`/pilots/${o.pilotId}`}>{o.name}</Link>{' '}
                          <span className="muted small">{municipalityName(o.municipality)}</span>
                        </TableHeaderCell>
                        <TableCell className="num">
                          <Num
                            c={cell(
                              o.arms.intervention?.participants ?? null,
                              '/arms/intervention/participants',
                              o.suppressed,
                            )}
                            fmt={n}
                            count
                          />
                        </TableCell>
                        <TableCell className="num">
                          <Num c={hi.rate} fmt={pct} />
                        </TableCell>
                        <TableCell>{hi.ci ? formatInterval(hi.ci, locale) : '–'}</TableCell>
                        <TableCell className="num">
                          {hc ? <Num c={hc.rate} fmt={pct} /> : '–'}
                        </TableCell>
                        <TableCell>
                          {o.difference?.rate != null
                            ? `${pct(o.difference.rate)}${o.difference.ci95 ? ` (${formatInterval(o.difference.ci95, locale)})` : ''}`
                            : '–'}
                        </TableCell>
                        <TableCell className="num">
                          <Num c={hi.pending} fmt={n} count />
                        </TableCell>
                        <TableCell className="num">
                          <Num c={net} fmt={(v) => formatMoney(v, false, locale)} />
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

import type { AccessReport } from '@wegwijzer/domain';
import { armLabel, type DeclaredArm } from '../../charts/arms.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../format.ts';
import { dictionaries } from '../../i18n.tsx';
import { valueLabel, type BaselineField } from '../../labels.ts';
import { privacyStrings } from './strings.ts';
import {
  Heading2,
  Heading3,
  Heading4,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

/**
 * The access-request document (AVG art. 15): everything held on one person, in Dutch whatever
 * the dashboard's language, since it is handed to the person. The same markup is printed and
 * downloaded as HTML.
 */
const s = privacyStrings.nl.access;
const t = dictionaries.nl;

const BASELINE: (BaselineField & keyof AccessReport['records'][number]['participant'])[] = [
  'household',
  'hasDebts',
  'disability',
  'refugeeStatus',
  'education',
];

export function AccessDocument({
  report,
  pilotArms = {},
}: {
  report: AccessReport;
  /** The declared arms per pilot id, for the arm's label. */
  pilotArms?: Readonly<Record<string, readonly DeclaredArm[]>>;
}) {
  return (
    <article className="access-doc" lang="nl">
      <Heading2>{s.docTitle}</Heading2>
      <p>{s.docIntro(formatDateTime(report.generatedAt, 'nl'), report.generatedBy)}</p>
      {report.records.map((r) => {
        const p = r.participant;
        const baseline: [string, string][] = [
          ['Referentie', p.participantRef],
          [
            t.fields.arm,
            armLabel(pilotArms[r.pilot.id] ?? [], p.arm, 'nl', t.arms as Record<string, string>),
          ],
          [t.fields.intakeDate, formatDate(p.intakeDate, 'nl')],
          [
            t.fields.monthlyBenefit,
            p.monthlyBenefit != null ? formatMoney(p.monthlyBenefit, true, 'nl') : t.unknown,
          ],
          [
            t.fields.guidanceCost,
            p.guidanceCost != null ? formatMoney(p.guidanceCost, true, 'nl') : t.unknown,
          ],
          [t.fields.birthYear, p.birthYear != null ? String(p.birthYear) : t.unknown],
          [t.fields.motivation, p.motivation != null ? String(p.motivation) : t.unknown],
          [t.fields.ladderStep, p.ladderStep != null ? String(p.ladderStep) : t.unknown],
          ...BASELINE.map((f): [string, string] => [t.fields[f], valueLabel(f, p[f], t)]),
          ...(p.lostToFollowUpDate
            ? ([[t.fields.lostToFollowUpDate, formatDate(p.lostToFollowUpDate, 'nl')]] as [
                string,
                string,
              ][])
            : []),
          ['BSN', p.hasBsn ? s.bsnHeld : s.noBsn],
        ];
        return (
          <section key={`${r.pilot.id}-${p.id}`} className="access-record">
            <Heading3>
              {s.pilot}: {r.pilot.name}
            </Heading3>
            <dl className="kv">
              {(
                [
                  [s.municipality, r.pilot.municipality],
                  [s.purpose, r.pilot.processing.purpose ?? '—'],
                  [s.legalBasis, r.pilot.processing.legalBasis ?? '—'],
                  [s.agreementRef, r.pilot.processing.agreementRef ?? '—'],
                  [s.contact, r.pilot.processing.contact ?? '—'],
                  [s.retainUntil, formatDate(r.pilot.retainUntil, 'nl')],
                ] as [string, string][]
              ).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <Heading4>{s.baseline}</Heading4>
            <dl className="kv">
              {baseline.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <Heading4>{s.events}</Heading4>
            {r.events.length === 0 ? (
              <p>{s.noEvents}</p>
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{s.date}</TableHeaderCell>
                    <TableHeaderCell scope="col">{s.type}</TableHeaderCell>
                    <TableHeaderCell scope="col">{s.value}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.events.map((e) => (
                    <TableRow key={e.id}>
                      <TableCell>{formatDate(e.date, 'nl')}</TableCell>
                      <TableCell>{t.events[e.type as keyof typeof t.events] ?? e.type}</TableCell>
                      <TableCell>
                        {e.reason ? (t.routes[e.reason as keyof typeof t.routes] ?? e.reason) : ''}
                        {e.value != null
                          ? e.type === 'offset_income' || e.type === 'debt_intake'
                            ? formatMoney(e.value, true, 'nl')
                            : String(e.value).replace('.', ',')
                          : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <Heading4>{s.exports}</Heading4>
            {r.exports.length === 0 ? (
              <p>{s.noExports}</p>
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{s.exportedAt}</TableHeaderCell>
                    <TableHeaderCell scope="col">{s.exportedBy}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.exports.map((x) => (
                    <TableRow key={x.id}>
                      <TableCell>{formatDateTime(x.at, 'nl')}</TableCell>
                      <TableCell>
                        {x.researcher ?? ''} {x.researcherEmail ? `(${x.researcherEmail})` : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
        );
      })}
    </article>
  );
}

/** The document as a standalone HTML file, with just enough style to read and print. */
export function accessDocumentHtml(markup: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${s.docTitle}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;line-height:1.45}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;text-align:left;padding:.25rem .5rem}
.kv div{display:flex;gap:1rem}.kv dt{min-width:14rem;font-weight:600}.kv dd{margin:0}</style>
</head><body>${markup}</body></html>
`;
}

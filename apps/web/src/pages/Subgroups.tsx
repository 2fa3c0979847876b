import { useQuery } from '@tanstack/react-query';
import { SUBGROUP_FIELDS, subgroupsQuery } from '../api/queries.ts';
import { ArmsProvider, useArmLook } from '../charts/arms.tsx';
import { forestRows, subgroupArms, type ForestRow } from '../charts/mappers.ts';
import { Figure } from '../components/Figure.tsx';
import { ArmTag, Num } from '../components/Num.tsx';
import { PilotPicker, usePilotParam } from '../components/PilotPicker.tsx';
import { Empty, ErrorState, Loading, Query } from '../components/States.tsx';
import { formatInterval, formatNumber, formatPoints } from '../format.ts';
import { useI18n, useStrings } from '../i18n.tsx';
import { valueLabel } from '../labels.ts';
import { setQuery, useLocation } from '../router.tsx';
import { WindowPicker } from '../components/WindowPicker.tsx';
import { parseWindow } from './monthly/window.ts';
import { HeterogeneityNote, RateForest, RatesTable } from './subgroups/RateForest.tsx';
import { rateRows } from './subgroups/rates.ts';
import { subgroupStrings } from './subgroups/strings.ts';
import {
  Alert,
  FormLabel,
  Heading1,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

type Field = (typeof SUBGROUP_FIELDS)[number];

export default function Subgroups() {
  const { t } = useI18n();
  const ss = useStrings(subgroupStrings);
  const loc = useLocation();
  const { pilots, pilot, error } = usePilotParam();
  const byQ = loc.query.get('by') as Field | null;
  const by: Field = byQ && SUBGROUP_FIELDS.includes(byQ) ? byQ : 'motivation';
  const windowMonths = parseWindow(loc.query.get('window'));
  const q = useQuery({ ...subgroupsQuery(pilot?.id ?? '', by, windowMonths), enabled: !!pilot });
  if (error)
    return (
      <div className="container">
        <ErrorState error={error} />
      </div>
    );
  if (!pilots || !pilot)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  return (
    <div className="container">
      <Heading1>{t.subgroupsTitle}</Heading1>
      <div className="filters">
        <PilotPicker pilots={pilots} value={pilot.id} />
        <div className="field inline">
          <FormLabel htmlFor="by">{t.subgroupField}</FormLabel>
          <Select id="by" value={by} onChange={(e) => setQuery({ by: e.target.value })}>
            {SUBGROUP_FIELDS.map((f) => (
              <SelectOption key={f} value={f}>
                {t.fields[f]}
              </SelectOption>
            ))}
          </Select>
        </div>
        <WindowPicker value={windowMonths} />
      </div>
      {!pilot.hasControl && (
        <Alert type="info">
          <strong>{t.noControl}.</strong> {ss.noControlNote}
        </Alert>
      )}
      <ArmsProvider arms={pilot.arms}>
        <Query q={q}>
          {(r) => {
            const label = (v: string | number | boolean | null) => valueLabel(by, v, t);
            const rows = forestRows(r, label);
            if (rows.length === 0) return <Empty />;
            const title = `${t.fields[by]} — ${t.months(windowMonths)}`;
            const withControl = r.groups.some((g) => g.arms.control);
            // Without a control arm there is no difference to draw: the forest shows the rates.
            return withControl ? (
              <>
                <Forest rows={rows} title={title} />
                <HeterogeneityNote r={r} />
                <h2>{ss.ratesTitle(t.fields[by], t.months(windowMonths))}</h2>
                <RatesTable rows={rateRows(r, label)} arms={subgroupArms(r)} />
              </>
            ) : (
              <>
                <RateForest
                  r={r}
                  label={label}
                  title={ss.ratesTitle(t.fields[by], t.months(windowMonths))}
                />
                <HeterogeneityNote r={r} />
              </>
            );
          }}
        </Query>
      </ArmsProvider>
    </div>
  );
}

function Forest({ rows, title }: { rows: ForestRow[]; title: string }) {
  const { t, locale } = useI18n();
  const vals = rows.flatMap((r) => [r.lo, r.hi, r.diff]).filter((v): v is number => v != null);
  const ext = Math.max(0.1, ...vals.map(Math.abs)) * 1.1;
  const W = 420;
  const rowH = 30;
  const x = (v: number) => ((v + ext) / (2 * ext)) * W;
  const n = (v: number) => formatNumber(v, 0, locale);
  const ticks = [-ext, -ext / 2, 0, ext / 2, ext].map((v) => Math.round(v * 100) / 100);
  const look = useArmLook();
  const arms = rows[0]?.n.map((a) => a.arm) ?? [];
  return (
    <Figure
      title={title}
      alt={t.forestAlt}
      chart={
        <div className="forest">
          <Table className="forest-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col" />
                {arms.map((a) => (
                  <TableHeaderCell key={a} scope="col">
                    n <ArmTag arm={a} />
                  </TableHeaderCell>
                ))}
                <TableHeaderCell scope="col" className="forest-plot-col">
                  {t.difference}
                </TableHeaderCell>
                <TableHeaderCell scope="col">95%-BI</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={i} style={{ height: rowH }}>
                  <TableHeaderCell scope="row">{r.value}</TableHeaderCell>
                  {r.n.map((a) => (
                    <TableCell key={a.arm}>
                      <Num c={a.n} fmt={n} count />
                    </TableCell>
                  ))}
                  <TableCell className="forest-plot-col">
                    <svg width={W} height={rowH} role="presentation">
                      <line x1={x(0)} x2={x(0)} y1={0} y2={rowH} stroke="#333" strokeWidth={1} />
                      {r.lo != null && r.hi != null && (
                        <line
                          x1={x(r.lo)}
                          x2={x(r.hi)}
                          y1={rowH / 2}
                          y2={rowH / 2}
                          stroke="#0072B2"
                          strokeWidth={2}
                        />
                      )}
                      {r.diff != null ? (
                        <rect
                          x={x(r.diff) - 5}
                          y={rowH / 2 - 5}
                          width={10}
                          height={10}
                          fill="#0072B2"
                        />
                      ) : (
                        <text x={x(0) + 6} y={rowH / 2 + 4} fontSize="12">
                          {r.suppressed ? t.suppressed : '–'}
                        </text>
                      )}
                    </svg>
                  </TableCell>
                  <TableCell>
                    {r.diff != null
                      ? `${formatPoints(r.diff, locale)}${r.lo != null && r.hi != null ? ` (${formatInterval([r.lo, r.hi], locale)})` : ''}`
                      : r.suppressed
                        ? t.suppressed
                        : '–'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={arms.length + 1} />
                <TableCell className="forest-plot-col">
                  <svg width={W} height={20} role="presentation">
                    {ticks.map((v) => (
                      <text
                        key={v}
                        x={Math.min(Math.max(x(v), 14), W - 14)}
                        y={14}
                        fontSize="11"
                        textAnchor="middle"
                      >
                        {formatPoints(v, locale).replace(/ .*/, '')}
                      </text>
                    ))}
                  </svg>
                </TableCell>
                <TableCell />
              </TableRow>
            </TableFooter>
          </Table>
        </div>
      }
      table={
        <Table className="data-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.subgroupField}</TableHeaderCell>
              {arms.map((a) => (
                <TableHeaderCell key={a} scope="col">
                  n {look.label(a)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{t.difference}</TableHeaderCell>
              <TableHeaderCell scope="col">95%-BI</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={i}>
                <TableHeaderCell scope="row">{r.value}</TableHeaderCell>
                {r.n.map((a) => (
                  <TableCell key={a.arm}>
                    <Num c={a.n} fmt={n} count />
                  </TableCell>
                ))}
                <TableCell>{r.diff != null ? formatPoints(r.diff, locale) : '–'}</TableCell>
                <TableCell>
                  {r.lo != null && r.hi != null ? formatInterval([r.lo, r.hi], locale) : '–'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    />
  );
}

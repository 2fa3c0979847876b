import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { MODEL_COVARIATES, type ModelCovariate } from '@wegwijzer/domain';
import { PilotPicker, usePilotParam } from '../../components/PilotPicker.tsx';
import { ErrorState, Loading, Query } from '../../components/States.tsx';
import { formatNumber, formatP } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link, useLocation } from '../../router.tsx';
import { WindowPicker } from '../../components/WindowPicker.tsx';
import { parseWindow } from '../monthly/window.ts';
import { EffectForest } from './EffectForest.tsx';
import { differenceRows, hazardRows, phViolations, type Cox } from './mappers.ts';
import { PowerCalculator, DetectableDifference } from './PowerCalculator.tsx';
import { coxQuery, differenceQuery } from './queries.ts';
import { modelStrings, type ModelStrings } from './strings.ts';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
} from '@utrecht/component-library-react';

/** Analyse › adjusted effects (Cox, g-computation), the PH check, and power. */
export default function ModelsPage() {
  const { t, locale } = useI18n();
  const s = modelStrings[locale];
  const loc = useLocation();
  const { pilots, pilot, error } = usePilotParam();
  const windowMonths = parseWindow(loc.query.get('window'));
  const [covariates, setCovariates] = useState<ModelCovariate[]>([]);
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
  const toggle = (c: ModelCovariate) =>
    setCovariates((cs) =>
      cs.includes(c)
        ? cs.filter((x) => x !== c)
        : MODEL_COVARIATES.filter((x) => x === c || cs.includes(x)),
    );
  return (
    <div className="container">
      <nav aria-label="Kruimelpad" className="breadcrumb no-print">
        <Link to="/analyse">{t.navAnalysis}</Link> › <span aria-current="page">{s.title}</span>
      </nav>
      <Heading1>{s.title}</Heading1>
      <p>{s.intro}</p>
      <div className="filters">
        <PilotPicker pilots={pilots} value={pilot.id} />
        <WindowPicker value={windowMonths} />
      </div>
      <Fieldset className="checks">
        <FieldsetLegend>{s.covariatesLegend}</FieldsetLegend>
        <div className="check-grid">
          {MODEL_COVARIATES.map((c) => (
            <FormLabel key={c} className="check">
              <Checkbox checked={covariates.includes(c)} onChange={() => toggle(c)} />
              {s.covariates[c]}
            </FormLabel>
          ))}
        </div>
      </Fieldset>
      <CoxSection pilotId={pilot.id} covariates={covariates} s={s} />
      <DifferenceSection
        pilotId={pilot.id}
        windowMonths={windowMonths}
        covariates={covariates}
        s={s}
      />
      <section aria-labelledby="about-adjustment">
        <Heading2 id="about-adjustment">{s.aboutTitle}</Heading2>
        {s.aboutText.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>
      <PowerCalculator s={s} />
      <DetectableDifference pilotId={pilot.id} windowMonths={windowMonths} s={s} />
    </div>
  );
}

function CoxSection({
  pilotId,
  covariates,
  s,
}: {
  pilotId: string;
  covariates: ModelCovariate[];
  s: ModelStrings;
}) {
  const q = useQuery(coxQuery(pilotId, covariates));
  return (
    <section aria-labelledby="cox-title">
      <Heading2 id="cox-title">{s.coxTitle}</Heading2>
      <Query q={q}>
        {(r) =>
          'plain' in r ? (
            <Plain unadjusted={r.unadjusted} adjusted={r.adjusted} s={s} />
          ) : (
            <CoxResult r={r} s={s} />
          )
        }
      </Query>
    </section>
  );
}

function CoxResult({ r, s }: { r: Cox; s: ModelStrings }) {
  const { locale } = useI18n();
  const { rows, failures } = hazardRows(r, s);
  return (
    <>
      <p className="muted">
        {s.used(formatNumber(r.n, 0, locale), formatNumber(r.excluded, 0, locale))}
      </p>
      <EffectForest
        title={s.coxTitle}
        alt={s.coxAlt}
        rows={rows}
        failures={failures}
        kind="ratio"
        s={s}
      />
      <Heading3>{s.phTitle}</Heading3>
      <p>
        {r.proportionalHazards === null
          ? s.phNone
          : phViolations(r.proportionalHazards).length === 0
            ? s.phOk(formatP(r.proportionalHazards.global.p, locale).replace(/^p [=<] /, ''))
            : s.phWarn(
                phViolations(r.proportionalHazards).join(', '),
                formatP(r.proportionalHazards.global.p, locale).replace(/^p [=<] /, ''),
              )}
      </p>
    </>
  );
}

function DifferenceSection({
  pilotId,
  windowMonths,
  covariates,
  s,
}: {
  pilotId: string;
  windowMonths: number;
  covariates: ModelCovariate[];
  s: ModelStrings;
}) {
  const { locale } = useI18n();
  const q = useQuery(differenceQuery(pilotId, windowMonths, covariates));
  return (
    <section aria-labelledby="diff-title">
      <Heading2 id="diff-title">{s.diffTitle(windowMonths)}</Heading2>
      <Query q={q}>
        {(r) => {
          if ('plain' in r) return <Plain unadjusted={r.unadjusted} adjusted={r.adjusted} s={s} />;
          const { rows, failures } = differenceRows(r, s);
          return (
            <>
              <p className="muted">
                {s.used(formatNumber(r.n, 0, locale), formatNumber(r.excluded, 0, locale))}{' '}
                {s.pending(formatNumber(r.pending, 0, locale))}
              </p>
              <EffectForest
                title={s.diffTitle(windowMonths)}
                alt={s.diffAlt}
                rows={rows}
                failures={failures}
                kind="difference"
                s={s}
              />
            </>
          );
        }}
      </Query>
    </section>
  );
}

type Verdict = keyof ModelStrings['plain'];

function Plain({
  unadjusted,
  adjusted,
  s,
}: {
  unadjusted: Verdict;
  adjusted: Verdict | null;
  s: ModelStrings;
}) {
  return (
    <dl className="plain-verdict">
      <dt>{s.unadjusted}</dt>
      <dd>{s.plain[unadjusted]}</dd>
      {adjusted !== null && (
        <>
          <dt>{s.adjusted}</dt>
          <dd>{s.plain[adjusted]}</dd>
        </>
      )}
    </dl>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { MODEL_COVARIATES, type ModelCovariate } from '@wegwijzer/domain';
import { DEFAULT_PILOT_ARMS } from '@wegwijzer/domain/values';
import { PilotPicker, usePilotParam } from '../../components/PilotPicker.tsx';
import { ErrorState, Loading, Query } from '../../components/States.tsx';
import { formatNumber, formatP } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link, setQuery, useLocation } from '../../router.tsx';
import { ArmsProvider, useArmLook } from '../../charts/arms.tsx';
import { WindowPicker } from '../../components/WindowPicker.tsx';
import { parseWindow } from '../monthly/window.ts';
import { EffectForest } from './EffectForest.tsx';
import { differenceRows, hazardRows, modelArm, phViolations, type Cox } from './mappers.ts';
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
  Select,
  SelectOption,
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
  const models = modelArm(
    (pilot.arms ?? DEFAULT_PILOT_ARMS).map((a) => a.code),
    loc.query.get('arm'),
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
        {models.choices.length > 1 && (
          <ArmsProvider arms={pilot.arms}>
            <ArmSelect choices={models.choices} value={models.arm ?? ''} s={s} />
          </ArmsProvider>
        )}
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
      <CoxSection pilotId={pilot.id} covariates={covariates} arm={models.param} s={s} />
      <DifferenceSection
        pilotId={pilot.id}
        windowMonths={windowMonths}
        covariates={covariates}
        arm={models.param}
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

/** The intervention arm the models compare with control, for a pilot with several. */
function ArmSelect({
  choices,
  value,
  s,
}: {
  choices: readonly string[];
  value: string;
  s: ModelStrings;
}) {
  const look = useArmLook();
  return (
    <div className="field inline">
      <FormLabel htmlFor="model-arm">{s.armSelect}</FormLabel>
      <Select id="model-arm" value={value} onChange={(e) => setQuery({ arm: e.target.value })}>
        {choices.map((a) => (
          <SelectOption key={a} value={a}>
            {look.label(a)}
          </SelectOption>
        ))}
      </Select>
    </div>
  );
}

function CoxSection({
  pilotId,
  covariates,
  arm,
  s,
}: {
  pilotId: string;
  covariates: ModelCovariate[];
  arm: string | undefined;
  s: ModelStrings;
}) {
  const q = useQuery(coxQuery(pilotId, covariates, arm));
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
  arm,
  s,
}: {
  pilotId: string;
  windowMonths: number;
  covariates: ModelCovariate[];
  arm: string | undefined;
  s: ModelStrings;
}) {
  const { locale } = useI18n();
  const q = useQuery(differenceQuery(pilotId, windowMonths, covariates, arm));
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

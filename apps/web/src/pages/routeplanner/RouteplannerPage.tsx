import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { routeplannerQuery, type RouteplannerReply } from '../../api/queries.ts';
import {
  heterogeneitySentences,
  nothingToShow,
  plannerRows,
  profileText,
} from '../../charts/routeplanner.ts';
import { WindowPicker } from '../../components/WindowPicker.tsx';
import { Empty, Query } from '../../components/States.tsx';
import { useI18n, useStrings } from '../../i18n.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { PlannerFigure } from './PlannerForest.tsx';
import {
  emptyForm,
  FIELD_VALUES,
  plannerHref,
  plannerSearch,
  plannerStateFrom,
  profileFrom,
  PROFILE_FIELDS,
  type PlannerState,
  type PlannerWindow,
  type ProfileField,
  type ProfileForm,
  type VariableForm,
} from './profile.ts';
import { VariableFields } from './VariableFields.tsx';
import { plannerStrings, type PlannerStrings } from './strings.ts';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';

/** Routeplanner: for a participant profile, how participants like that one fared in each pilot. */
export default function RouteplannerPage() {
  const s = useStrings(plannerStrings);
  const loc = useLocation();
  const state = plannerStateFrom(loc.query);
  const q = useQuery({
    ...routeplannerQuery(plannerSearch(state.form, state.window, state.variables)),
    enabled: state.submitted,
  });
  return (
    <div className="container">
      <Heading1>{s.title}</Heading1>
      <p className="lead">{s.intro}</p>
      {/* Remounted when the URL changes (back/forward), so the form shows what the results are for. */}
      <PlannerForm key={loc.query.toString()} initial={state} s={s} />
      {state.submitted ? (
        <section aria-labelledby="rp-results" className="planner-results">
          <Heading2 id="rp-results">
            {s.resultsTitle(profileText(profileFrom(state.form), s), state.window)}
          </Heading2>
          <Query q={q}>{(r) => <Results r={r} s={s} />}</Query>
        </section>
      ) : (
        <Alert type="info">{s.start}</Alert>
      )}
      <section className="definitions planner-explain" aria-labelledby="rp-explain">
        <Heading2 id="rp-explain">{s.explainTitle}</Heading2>
        <ul>
          {s.explain.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function PlannerForm({ initial, s }: { initial: PlannerState; s: PlannerStrings }) {
  const { t } = useI18n();
  const [form, setForm] = useState<ProfileForm>(initial.form);
  const [win, setWin] = useState<PlannerWindow>(initial.window);
  const [variables, setVariables] = useState<VariableForm>(initial.variables);
  const label = (f: ProfileField, v: string): string => {
    switch (f) {
      case 'motivation':
        return s.motivation[v] ?? v;
      case 'ladderStep':
        return `${v} – ${s.ladderSteps[v] ?? ''}`;
      case 'hasDebts':
      case 'disability':
      case 'refugeeStatus':
        return v === 'ja' ? t.yes : t.no;
      case 'household':
        return t.households[v as keyof typeof t.households] ?? v;
      case 'education':
        return t.educations[v as keyof typeof t.educations] ?? v;
      case 'ageBand':
        return s.ageBands[v] ?? v;
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(plannerHref(form, win, variables));
  };
  const clear = () => {
    setForm(emptyForm());
    setVariables({});
    setWin(12);
    navigate('/routeplanner');
  };
  return (
    <form className="card planner-form" onSubmit={submit}>
      <Fieldset>
        <FieldsetLegend>{s.profileLegend}</FieldsetLegend>
        <p className="hint">{s.profileHint}</p>
        <div className="planner-fields">
          {PROFILE_FIELDS.map((f) => (
            <div className="field" key={f}>
              <FormLabel htmlFor={`rp-${f}`}>{s.fields[f]}</FormLabel>
              <Select
                id={`rp-${f}`}
                name={f}
                value={form[f]}
                onChange={(e) => setForm({ ...form, [f]: e.target.value })}
              >
                <SelectOption value="">{s.any}</SelectOption>
                {FIELD_VALUES[f].map((v) => (
                  <SelectOption key={v} value={v}>
                    {label(f, v)}
                  </SelectOption>
                ))}
              </Select>
            </div>
          ))}
          <WindowPicker id="rp-window" value={win} onChange={setWin} />
        </div>
      </Fieldset>
      <VariableFields values={variables} onChange={setVariables} s={s} />
      <div className="actions">
        <Button type="submit" appearance="primary-action-button">
          {s.submit}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={clear}>
          {s.reset}
        </Button>
      </div>
    </form>
  );
}

function Results({ r, s }: { r: RouteplannerReply; s: PlannerStrings }) {
  const { locale } = useI18n();
  const rows = plannerRows(r, locale);
  if (rows.length === 0 || nothingToShow(rows))
    return (
      <div data-testid="planner-empty">
        <Empty>
          <strong>{s.empty}</strong> {rows.length > 0 && `${s.allTooFew(r.threshold)} `}
          {s.emptyHint}
        </Empty>
      </div>
    );
  const by = r.results.find((x) => x.heterogeneity)?.heterogeneity?.by ?? 'motivation';
  const sentences = heterogeneitySentences(r, s, locale, by);
  return (
    <>
      <PlannerFigure reply={r} rows={rows} s={s} />
      {sentences.length > 0 && (
        <section aria-labelledby="rp-het" className="planner-heterogeneity">
          <Heading3 id="rp-het">{s.heterogeneityTitle}</Heading3>
          <p className="muted">{s.heterogeneityIntro(s.fieldWords[by])}</p>
          <ul>
            {sentences.map((h) => (
              <li key={h.key} data-claim={h.kind}>
                {h.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

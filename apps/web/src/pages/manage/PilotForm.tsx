import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  Paragraph,
} from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import type { Pilot } from '../../api/queries.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { navigate } from '../../router.tsx';
import { Choice, LongText, TextBox } from './Fields.tsx';
import {
  checkPilot,
  draftFromPilot,
  emptyPilotDraft,
  PILOT_FIELDS,
  pilotInput,
  serverProblems,
  THEMES,
  type PilotDraft,
  type PilotField,
  type Problem,
} from './forms.ts';
import { manageStrings, problemText } from './strings.ts';

type Shown = Partial<Record<PilotField, Problem | string>>;

/** The fields of a PATCH: only what changed, so an unchanged observation end recomputes nothing. */
function changed(before: PilotDraft, after: PilotDraft) {
  const a = pilotInput(before) as Record<string, unknown>;
  const b = pilotInput(after) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(b).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(a[k])),
  );
}

/**
 * Create a pilot (`pilot` absent) or edit one (the pilot's Instellingen tab): every SPEC §2 field,
 * the retention date and the processing record, checked per field before anything is sent.
 */
export function PilotForm({ pilot }: { pilot?: Pilot }) {
  const s = useStrings(manageStrings);
  const { locale } = useI18n();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<PilotDraft>(() =>
    pilot ? draftFromPilot(pilot) : emptyPilotDraft(),
  );
  const [errs, setErrs] = useState<Shown>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: () =>
      pilot
        ? unwrap<Pilot>(
            api.api.pilots[':id'].$patch({
              param: { id: pilot.id },
              json: changed(draftFromPilot(pilot), draft),
            }),
          )
        : unwrap<Pilot>(api.api.pilots.$post({ json: pilotInput(draft) })),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: ['pilots'] });
      await qc.invalidateQueries({ queryKey: ['comparison'] });
      if (pilot) {
        qc.setQueryData(['pilot', p.id], p);
        await qc.invalidateQueries({ queryKey: ['outcomes', p.id] });
        setSaved(true);
      } else navigate(`/pilots/${p.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        const r = serverProblems(e.detailList, PILOT_FIELDS);
        setErrs(r.fields);
        setFormError(r.rest.length || Object.keys(r.fields).length ? r.rest : [e.message]);
      } else setFormError([String(e)]);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setFormError([]);
    const found = checkPilot(draft);
    setErrs(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const set =
    <K extends PilotField>(k: K) =>
    (v: PilotDraft[K]) => {
      setDraft((d) => ({ ...d, [k]: v }));
      setSaved(false);
    };
  const err = (k: PilotField) => problemText(errs[k], s, locale);
  const text = (
    k: PilotField,
    extra: { hint?: string; required?: boolean; type?: 'date' } = {},
  ) => (
    <TextBox
      name={`pilot-${k}`}
      label={
        <>
          {s[k as keyof typeof s] as string}
          {!extra.required && <span className="muted"> {s.optional}</span>}
        </>
      }
      value={draft[k]}
      onValue={set(k) as (v: string) => void}
      error={err(k)}
      {...extra}
    />
  );
  const count = Object.keys(errs).length;

  return (
    <form className="form manage-form" onSubmit={submit} noValidate aria-labelledby="pf-h">
      {count > 0 && (
        <Alert type="error" role="alert">
          <Paragraph>{s.fixErrors(count)}</Paragraph>
        </Alert>
      )}
      {formError.length > 0 && (
        <Alert type="error" role="alert">
          {formError.map((m) => (
            <Paragraph key={m}>{m}</Paragraph>
          ))}
        </Alert>
      )}
      <Fieldset>
        <FieldsetLegend>{s.sectionPilot}</FieldsetLegend>
        {text('name', { required: true })}
        {text('municipality', { required: true, hint: s.municipalityHint })}
        <Choice
          name="pilot-theme"
          label={s.theme}
          value={draft.theme}
          onValue={set('theme')}
          placeholder={s.chooseTheme}
          options={THEMES.map((v) => ({ value: v, label: s.themes[v] }))}
          error={err('theme')}
        />
        {text('startDate', { required: true, type: 'date' })}
        {text('dataCompleteThrough', {
          required: true,
          type: 'date',
          hint: s.dataCompleteThroughHint,
        })}
        <LongText
          name="pilot-targetGroup"
          label={
            <>
              {s.targetGroup} <span className="muted">{s.optional}</span>
            </>
          }
          value={draft.targetGroup}
          onValue={set('targetGroup')}
          error={err('targetGroup')}
        />
        <LongText
          name="pilot-description"
          label={
            <>
              {s.description} <span className="muted">{s.optional}</span>
            </>
          }
          value={draft.description}
          onValue={set('description')}
          error={err('description')}
        />
        <Paragraph className="muted">
          <strong>{s.arms}.</strong> {s.armsHint}
        </Paragraph>
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{s.sectionAmounts}</FieldsetLegend>
        <Paragraph className="muted">{s.sectionAmountsHint}</Paragraph>
        {text('monthlyBenefit')}
        {text('guidanceCost')}
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{s.sectionPrivacy}</FieldsetLegend>
        {text('retainUntil', { required: true, type: 'date', hint: s.retainUntilHint })}
        <Choice
          name="pilot-retentionAction"
          label={s.retentionAction}
          value={draft.retentionAction}
          onValue={(v) => set('retentionAction')(v || 'erase')}
          options={(['erase', 'reduce'] as const).map((v) => ({
            value: v,
            label: s.retentionActions[v],
          }))}
        />
        <LongText
          name="pilot-purpose"
          label={
            <>
              {s.purpose} <span className="muted">{s.optional}</span>
            </>
          }
          value={draft.purpose}
          onValue={set('purpose')}
          error={err('purpose')}
        />
        <LongText
          name="pilot-legalBasis"
          label={
            <>
              {s.legalBasis} <span className="muted">{s.optional}</span>
            </>
          }
          value={draft.legalBasis}
          onValue={set('legalBasis')}
          error={err('legalBasis')}
        />
        {text('agreementRef')}
        {text('department')}
        {text('contact')}
      </Fieldset>
      <div className="form-actions">
        <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>
          {pilot ? s.save : s.create}
        </Button>
        <span aria-live="polite">{saved && <span className="notice ok">{s.saved}</span>}</span>
      </div>
    </form>
  );
}

/** The "Nieuwe pilot" page of a manager or admin. */
export default function NewPilotPage() {
  const s = useStrings(manageStrings);
  return (
    <div className="container">
      <h1 id="pf-h">{s.newPilot}</h1>
      <p className="lead">{s.newPilotIntro}</p>
      <PilotForm />
    </div>
  );
}

import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiError } from '../../api/client.ts';
import type { Pilot } from '../../api/queries.ts';
import { useStrings } from '../../i18n.tsx';
import { navigate } from '../../router.tsx';
import { ArmsFields } from './ArmsFields.tsx';
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
} from './forms.ts';
import { manageStrings } from './strings.ts';
import { useCheckedForm, type Shown } from './useCheckedForm.tsx';

/** The fields of a PATCH: only what changed, so an unchanged observation end recomputes nothing. */
function changed(before: PilotDraft, after: PilotDraft) {
  const a = pilotInput(before) as Record<string, unknown>;
  const b = pilotInput(after) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(b).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(a[k])),
  );
}

/**
 * The API's refusal to drop or recode an arm that holds participants, shown at that arm's code
 * (or above the arms when the arm is gone from the form); the rest as any refusal.
 */
function armRefusal(draft: PilotDraft) {
  return (e: ApiError) => {
    const inUse = e.detailList.filter((d) => d.code === 'arm_in_use' && d.params);
    if (inUse.length === 0) return null;
    const r = serverProblems(
      e.detailList.filter((d) => d.code !== 'arm_in_use'),
      PILOT_FIELDS,
    );
    const fields: Shown<PilotField> = { ...r.fields };
    for (const d of inUse) {
      const arm = String(d.params!.arm);
      const problem = {
        code: 'arm_in_use' as const,
        params: { arm, participants: Number(d.params!.participants) },
      };
      const row = draft.arms.findIndex((a) => a.was === arm);
      if (row >= 0) fields[`arms.${row}.code`] = problem;
      else fields.arms = problem;
    }
    return { fields, rest: r.rest };
  };
}

/**
 * Create a pilot (`pilot` absent) or edit one (the pilot's Instellingen tab): every SPEC §2
 * field, its arms, the retention date and the processing record, checked per field before
 * anything is sent.
 */
export function PilotForm({ pilot }: { pilot?: Pilot }) {
  const s = useStrings(manageStrings);
  const qc = useQueryClient();
  const f = useCheckedForm<PilotDraft, PilotField, Pilot>({
    initial: () => (pilot ? draftFromPilot(pilot) : emptyPilotDraft()),
    fields: PILOT_FIELDS,
    check: checkPilot,
    send: (draft) =>
      pilot
        ? unwrap<Pilot>(
            api.api.pilots[':id'].$patch({
              param: { id: pilot.id },
              json: changed(draftFromPilot(pilot), draft),
            }),
          )
        : unwrap<Pilot>(api.api.pilots.$post({ json: pilotInput(draft) })),
    onSent: async (p) => {
      await qc.invalidateQueries({ queryKey: ['pilots'] });
      await qc.invalidateQueries({ queryKey: ['comparison'] });
      if (pilot) {
        qc.setQueryData(['pilot', p.id], p);
        await qc.invalidateQueries({ queryKey: ['outcomes', p.id] });
      } else navigate(`/pilots/${p.id}`);
    },
    refusal: (e, draft) => armRefusal(draft)(e),
  });
  const { draft, set, err } = f;
  const text = (
    k: Exclude<PilotField, 'arms' | `arms.${number}.${string}`>,
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
      value={draft[k] as string}
      onValue={set(k as keyof PilotDraft) as (v: string) => void}
      error={err(k)}
      {...extra}
    />
  );

  return (
    <form className="form manage-form" onSubmit={f.submit} noValidate aria-labelledby="pf-h">
      {f.alerts}
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
      </Fieldset>
      <ArmsFields
        draft={draft}
        onDraft={(part) => {
          f.setDraft((d) => ({ ...d, ...part }));
          f.setDone(null);
        }}
        err={err}
      />
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
        <Button type="submit" appearance="primary-action-button" disabled={f.pending}>
          {pilot ? s.save : s.create}
        </Button>
        <span aria-live="polite">
          {pilot && f.done && <span className="notice ok">{s.saved}</span>}
        </span>
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

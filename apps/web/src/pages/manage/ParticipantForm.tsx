import { Button, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { defaultArm } from '@wegwijzer/domain/rules';
import { api, unwrap } from '../../api/client.ts';
import { pilotQuery, type ParticipantDetail } from '../../api/queries.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { variablesQuery } from '../variables/queries.ts';
import { Choice, TextBox } from './Fields.tsx';
import {
  checkParticipant,
  draftFromParticipant,
  EDUCATIONS,
  emptyParticipantDraft,
  HOUSEHOLDS,
  PARTICIPANT_FIELDS,
  participantBaseline,
  participantInput,
  type ParticipantDraft,
  type ParticipantField,
  type Tri,
} from './forms.ts';
import { manageStrings } from './strings.ts';
import { useCheckedForm } from './useCheckedForm.tsx';
import { VariableInputs } from './VariableInputs.tsx';
import {
  checkValues,
  valuesDraft,
  valuesInput,
  type ValuesDraft,
  type VariableField,
} from './variable-values.ts';

type Created = { id: string; participantRef: string };
type Draft = ParticipantDraft & { values: ValuesDraft; bsn: string };
type Field = ParticipantField | 'bsn' | VariableField;

/**
 * Add one participant to a pilot (`participant` absent) or edit one's baseline: the SPEC §2
 * baseline fields, the pilot's arms and its own variables, checked with the same rules as the
 * CSV import.
 */
export function ParticipantForm({
  pilotId,
  participant,
}: {
  pilotId: string;
  participant?: ParticipantDetail;
}) {
  const s = useStrings(manageStrings);
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const vars = useQuery(variablesQuery(pilotId)).data?.items ?? [];
  const arms = useQuery(pilotQuery(pilotId)).data?.arms ?? [];
  const codes = arms.map((a) => a.code);
  // A draft's arm that the pilot does not declare (a new form before the arms load) is its default.
  const armOf = (d: Draft) => (codes.includes(d.arm) ? d.arm : defaultArm(codes));
  const f = useCheckedForm<Draft, Field, Created>({
    initial: () => ({
      ...(participant ? draftFromParticipant(participant) : emptyParticipantDraft()),
      values: valuesDraft(participant?.variables),
      bsn: '',
    }),
    fields: [...PARTICIPANT_FIELDS, 'bsn', ...vars.map((v) => `variables.${v.code}` as const)],
    check: (d) => ({ ...checkParticipant(d), ...checkValues(vars, d.values) }),
    send: (d): Promise<Created> => {
      const draft = { ...d, arm: armOf(d) };
      return participant
        ? unwrap(
            api.api.participants[':id'].$patch({
              param: { id: participant.id },
              json: {
                ...participantBaseline(draft),
                variables: valuesInput(vars, d.values, { clear: true }),
              },
            }),
          )
        : unwrap(
            api.api.pilots[':id'].participants.$post({
              param: { id: pilotId },
              json: {
                ...participantInput(draft),
                variables: valuesInput(vars, d.values, { clear: false }),
                ...(d.bsn.trim() ? { bsn: d.bsn.trim() } : {}),
              },
            }),
          );
    },
    onSent: async (p) => {
      if (!participant) f.setDraft({ ...emptyParticipantDraft(), values: {}, bsn: '' });
      // The lists, counts and worklist of the pilot all include this person.
      await Promise.all(
        [
          ['participants', pilotId],
          ['participant', p.id],
          ['pilots'],
          ['pilot', pilotId],
          ['worklist', pilotId],
          ['outcomes', pilotId],
          ['comparison'],
          ['variables', pilotId],
        ].map((queryKey) => qc.invalidateQueries({ queryKey })),
      );
    },
  });
  const { draft, set, err, done } = f;
  const prefix = participant ? 'pe' : 'pa';
  const text = (
    k: Exclude<ParticipantField, 'values'>,
    extra: { type?: 'date'; required?: boolean; hint?: string } = {},
  ) => (
    <TextBox
      name={`${prefix}-${k}`}
      label={s[k as keyof typeof s] as string}
      value={draft[k]}
      onValue={set(k) as (v: string) => void}
      error={err(k)}
      {...extra}
    />
  );
  const triOptions = [
    { value: 'yes' as const, label: s.yes },
    { value: 'no' as const, label: s.no },
  ];
  const tri = (k: 'hasDebts' | 'disability' | 'refugeeStatus') => (
    <Choice<Exclude<Tri, ''>>
      name={`${prefix}-${k}`}
      label={s[k]}
      value={draft[k]}
      onValue={set(k)}
      placeholder={s.unknown}
      options={triOptions}
    />
  );
  return (
    <form className="form manage-form" onSubmit={f.submit} noValidate>
      {f.alerts}
      <div className="form-grid">
        {!participant && text('participantRef', { required: true, hint: s.participantRefHint })}
        {!participant && (
          <TextBox
            name="pa-bsn"
            label={s.bsn}
            hint={s.bsnHint}
            value={draft.bsn}
            onValue={set('bsn')}
            error={err('bsn')}
          />
        )}
        <Choice
          name={`${prefix}-arm`}
          label={s.arm}
          value={armOf(draft)}
          onValue={(v) => set('arm')(v || defaultArm(codes))}
          options={arms.map((a) => ({
            value: a.code,
            label: (locale === 'en' ? a.labelEn : null) ?? a.label,
          }))}
        />
        {text('intakeDate', { type: 'date', required: true })}
        {text('monthlyBenefit')}
        {text('guidanceCost')}
        <Choice
          name={`${prefix}-household`}
          label={s.household}
          value={draft.household}
          onValue={set('household')}
          placeholder={s.unknown}
          options={HOUSEHOLDS.map((h) => ({ value: h, label: t.households[h] }))}
        />
        {text('birthYear')}
        {text('motivation')}
        {text('ladderStep')}
        {tri('hasDebts')}
        {tri('disability')}
        {tri('refugeeStatus')}
        <Choice
          name={`${prefix}-education`}
          label={s.education}
          value={draft.education}
          onValue={set('education')}
          placeholder={s.unknown}
          options={EDUCATIONS.map((v) => ({ value: v, label: t.educations[v] }))}
        />
        {participant && text('lostToFollowUpDate', { type: 'date' })}
      </div>
      {vars.length > 0 && (
        <Fieldset className="own-variables">
          <FieldsetLegend>{s.ownVariables}</FieldsetLegend>
          <div className="form-grid">
            <VariableInputs
              vars={vars}
              values={draft.values}
              onValue={(code, v) => set('values')({ ...draft.values, [code]: v })}
              err={err}
              prefix={prefix}
            />
          </div>
        </Fieldset>
      )}
      <div className="form-actions">
        <Button type="submit" appearance="primary-action-button" disabled={f.pending}>
          {participant ? s.save : s.addParticipant}
        </Button>
        <span aria-live="polite">
          {done &&
            (participant ? (
              <span className="notice ok">{s.saved}</span>
            ) : (
              <span className="notice ok">
                {s.added(done.participantRef)} <Link to={`/participants/${done.id}`}>{s.open}</Link>
              </span>
            ))}
        </span>
      </div>
    </form>
  );
}

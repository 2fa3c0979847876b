import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import type { ParticipantDetail } from '../../api/queries.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { Choice, TextBox } from './Fields.tsx';
import {
  ARMS,
  checkParticipant,
  draftFromParticipant,
  EDUCATIONS,
  emptyParticipantDraft,
  HOUSEHOLDS,
  PARTICIPANT_FIELDS,
  participantBaseline,
  participantInput,
  serverProblems,
  type ParticipantDraft,
  type ParticipantField,
  type Problem,
  type Tri,
} from './forms.ts';
import { manageStrings, problemText } from './strings.ts';

type Shown = Partial<Record<ParticipantField | 'bsn', Problem | string>>;
type Created = { id: string; participantRef: string };

/**
 * Add one participant to a pilot (`participant` absent) or edit one's baseline: the SPEC §2
 * baseline fields, checked with the same rules as the CSV import.
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
  const [draft, setDraft] = useState<ParticipantDraft>(() =>
    participant ? draftFromParticipant(participant) : emptyParticipantDraft(),
  );
  const [bsn, setBsn] = useState('');
  const [errs, setErrs] = useState<Shown>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [done, setDone] = useState<Created | null>(null);

  const save = useMutation({
    mutationFn: (): Promise<Created> =>
      participant
        ? unwrap(
            api.api.participants[':id'].$patch({
              param: { id: participant.id },
              json: participantBaseline(draft),
            }),
          )
        : unwrap(
            api.api.pilots[':id'].participants.$post({
              param: { id: pilotId },
              json: { ...participantInput(draft), ...(bsn.trim() ? { bsn: bsn.trim() } : {}) },
            }),
          ),
    onSuccess: async (p) => {
      setDone(p);
      if (!participant) {
        setDraft(emptyParticipantDraft());
        setBsn('');
      }
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
        ].map((queryKey) => qc.invalidateQueries({ queryKey })),
      );
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        const r = serverProblems(e.detailList, [...PARTICIPANT_FIELDS, 'bsn'] as const);
        setErrs(r.fields);
        setFormError(r.rest.length || Object.keys(r.fields).length ? r.rest : [e.message]);
      } else setFormError([String(e)]);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setFormError([]);
    const found = checkParticipant(draft);
    setErrs(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const set =
    <K extends ParticipantField>(k: K) =>
    (v: ParticipantDraft[K]) => {
      setDraft((d) => ({ ...d, [k]: v }));
      setDone(null);
    };
  const err = (k: ParticipantField | 'bsn') => problemText(errs[k], s, locale);
  const prefix = participant ? 'pe' : 'pa';
  const text = (
    k: ParticipantField,
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
  const count = Object.keys(errs).length;

  return (
    <form className="form manage-form" onSubmit={submit} noValidate>
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
      <div className="form-grid">
        {!participant && text('participantRef', { required: true, hint: s.participantRefHint })}
        {!participant && (
          <TextBox
            name="pa-bsn"
            label={s.bsn}
            hint={s.bsnHint}
            value={bsn}
            onValue={setBsn}
            error={err('bsn')}
          />
        )}
        <Choice
          name={`${prefix}-arm`}
          label={s.arm}
          value={draft.arm}
          onValue={(v) => set('arm')(v || 'intervention')}
          options={ARMS.map((a) => ({ value: a, label: s.armLabels[a] }))}
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
      <div className="form-actions">
        <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>
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

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { useStrings } from '../../i18n.tsx';
import { href, navigate } from '../../router.tsx';
import { privacyStrings } from './strings.ts';
import { Alert, Button, FormLabel, Heading2 } from '@utrecht/component-library-react';

/**
 * Erasure of one participant (SPEC §8) from their page: a button that opens a confirmation
 * naming the consequences, with the reason the audit log keeps.
 */
export function EraseParticipant({
  participant,
}: {
  participant: { id: string; pilotId: string; participantRef: string };
}) {
  const s = useStrings(privacyStrings).erase;
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const erase = useMutation({
    mutationFn: () =>
      unwrap(
        api.api.pilots[':id'].participants[':participantId'].$delete({
          param: { id: participant.pilotId, participantId: participant.id },
          json: { reason },
        }),
      ),
    onSuccess: async () => {
      qc.removeQueries({ queryKey: ['participant', participant.id] });
      await qc.invalidateQueries();
      navigate(href(`/pilots/${participant.pilotId}`, { tab: 'participants' }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) erase.mutate();
  };
  return (
    <section className="card danger-zone no-print" aria-labelledby="erase-h">
      <Heading2 id="erase-h">{s.title}</Heading2>
      <p className="muted">{s.intro}</p>
      {!open ? (
        <Button
          type="button"
          appearance="primary-action-button"
          hint="danger"
          onClick={() => setOpen(true)}
        >
          {s.open}
        </Button>
      ) : (
        <form
          onSubmit={submit}
          role="alertdialog"
          aria-labelledby="erase-h"
          aria-describedby="erase-what"
        >
          <Alert id="erase-what" type="warning">
            {s.consequences(participant.participantRef)}
          </Alert>
          <FormLabel htmlFor={reasonId}>{s.reason}</FormLabel>
          <textarea
            id={reasonId}
            required
            maxLength={500}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {erase.isError && (
            <Alert role="alert" type="error">
              {erase.error instanceof ApiError ? erase.error.message : String(erase.error)}
            </Alert>
          )}
          <div className="form-actions">
            <Button
              type="submit"
              appearance="primary-action-button"
              hint="danger"
              disabled={!reason.trim() || erase.isPending}
            >
              {s.confirm}
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => setOpen(false)}
            >
              {s.cancel}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

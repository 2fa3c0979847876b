import type { ParticipantDetail } from '../../api/queries.ts';
import { useStrings } from '../../i18n.tsx';
import { ParticipantForm } from './ParticipantForm.tsx';
import { manageStrings } from './strings.ts';

/** The participant page's baseline form, folded away under the baseline card. */
export function EditBaseline({ participant }: { participant: ParticipantDetail }) {
  const s = useStrings(manageStrings);
  return (
    <details className="card edit-baseline">
      <summary>{s.editBaseline}</summary>
      <ParticipantForm pilotId={participant.pilotId} participant={participant} />
    </details>
  );
}

import { useStrings } from '../../i18n.tsx';
import { ParticipantForm } from './ParticipantForm.tsx';
import { manageStrings } from './strings.ts';

/** "Deelnemer toevoegen" above the participant table: folded away until a manager opens it. */
export function AddParticipant({ pilotId }: { pilotId: string }) {
  const s = useStrings(manageStrings);
  return (
    <details className="card add-participant">
      <summary>{s.addParticipant}</summary>
      <p className="muted">{s.addParticipantIntro}</p>
      <ParticipantForm pilotId={pilotId} />
    </details>
  );
}

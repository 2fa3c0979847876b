import type { Pilot } from '../../api/queries.ts';
import { useStrings } from '../../i18n.tsx';
import { VariablesSection } from '../variables/VariablesSection.tsx';
import { PilotForm } from './PilotForm.tsx';
import { manageStrings } from './strings.ts';

/** The pilot's Instellingen tab: the same form as "Nieuwe pilot", filled in, and its own variables. */
export default function SettingsTab({ pilot }: { pilot: Pilot }) {
  const s = useStrings(manageStrings);
  return (
    <section aria-labelledby="pf-h">
      <h2 id="pf-h">{s.settings}</h2>
      <p className="muted">{s.settingsIntro}</p>
      {/* Keyed by the pilot, so a saved change refills the form from what the server kept. */}
      <PilotForm key={pilot.id} pilot={pilot} />
      <VariablesSection pilotId={pilot.id} />
    </section>
  );
}

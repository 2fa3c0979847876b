import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { pilotsQuery, type Pilot } from '../api/queries.ts';
import { useI18n } from '../i18n.tsx';
import { setQuery, useLocation } from '../router.tsx';
import { FormLabel, Select, SelectOption } from '@utrecht/component-library-react';

/** Pilot chooser whose value lives in `?pilot=`; defaults to the first pilot with a control group. */
export function usePilotParam(): {
  pilots: Pilot[] | undefined;
  pilot: Pilot | undefined;
  error: unknown;
} {
  const loc = useLocation();
  const q = useQuery(pilotsQuery());
  const id = loc.query.get('pilot');
  const items = q.data?.items;
  const fallback = items?.find((p) => p.hasControl) ?? items?.[0];
  const pilot = items?.find((p) => p.id === id) ?? fallback;
  useEffect(() => {
    if (pilot && pilot.id !== id) setQuery({ pilot: pilot.id });
  }, [pilot, id]);
  return { pilots: items, pilot, error: q.error };
}

export function PilotPicker({ pilots, value }: { pilots: Pilot[]; value: string | undefined }) {
  const { t } = useI18n();
  return (
    <div className="field inline">
      <FormLabel htmlFor="pilot">{t.choosePilot}</FormLabel>
      <Select id="pilot" value={value ?? ''} onChange={(e) => setQuery({ pilot: e.target.value })}>
        {pilots.map((p) => (
          <SelectOption key={p.id} value={p.id}>
            {p.name}
            {p.hasControl ? '' : ` (${t.noControl.toLowerCase()})`}
          </SelectOption>
        ))}
      </Select>
    </div>
  );
}

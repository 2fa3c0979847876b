import type { Dict } from './i18n.tsx';

/** CBS municipality codes of the pilots the demo (and the first real pilots) use. */
const MUNICIPALITIES: Record<string, string> = {
  GM0014: 'Groningen',
  GM0080: 'Leeuwarden',
  GM0193: 'Zwolle',
  GM0344: 'Utrecht',
  GM0363: 'Amsterdam',
  GM0518: "'s-Gravenhage",
  GM0599: 'Rotterdam',
  GM0772: 'Eindhoven',
};

/** "GM0363" → "Amsterdam"; an unknown code is shown as it is. */
export function municipalityName(code: string): string {
  return MUNICIPALITIES[code.trim().toUpperCase()] ?? code;
}

export type BaselineField =
  | 'household'
  | 'education'
  | 'hasDebts'
  | 'disability'
  | 'refugeeStatus'
  | 'motivation'
  | 'ladderStep'
  | 'ageBand';

type Labels = Pick<Dict, 'households' | 'educations' | 'yes' | 'no' | 'unknown'>;

/** A baseline value in plain words: "alleenstaande ouder", "laag", "ja", "onbekend" for null. */
export function valueLabel(
  field: BaselineField,
  v: string | number | boolean | null | undefined,
  t: Labels,
): string {
  if (v == null) return t.unknown;
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (field === 'household' && v in t.households)
    return t.households[v as keyof Labels['households']];
  if (field === 'education' && v in t.educations)
    return t.educations[v as keyof Labels['educations']];
  return String(v);
}

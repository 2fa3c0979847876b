import type { Profile } from '@wegwijzer/domain';
import { AGE_BANDS, EDUCATIONS, HOUSEHOLDS } from '@wegwijzer/domain/values';
import { parseWindow } from '../monthly/window.ts';
import type { RouteplannerParams } from '../../api/queries.ts';

/**
 * The route planner's profile as URL state: `/routeplanner?motivation=4&hasDebts=ja&window=12`.
 * The URL uses the API's parameter names; booleans read "ja"/"nee". A `window` in the URL marks a
 * submitted search, so `/routeplanner` alone shows only the form.
 */

export const PROFILE_FIELDS = [
  'motivation',
  'ladderStep',
  'hasDebts',
  'household',
  'ageBand',
  'education',
  'disability',
  'refugeeStatus',
] as const satisfies readonly (keyof Profile)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Any window 1–60, as everywhere else. */
export type PlannerWindow = number;

/** The values each field may take in the form, as the strings the URL carries (checked against the API's query). */
export const FIELD_VALUES = {
  motivation: ['1', '2', '3', '4', '5'],
  ladderStep: ['1', '2', '3', '4', '5', '6'],
  hasDebts: ['ja', 'nee'],
  household: HOUSEHOLDS,
  ageBand: AGE_BANDS,
  education: EDUCATIONS,
  disability: ['ja', 'nee'],
  refugeeStatus: ['ja', 'nee'],
} as const satisfies { [K in ProfileField]: readonly NonNullable<RouteplannerParams[K]>[] };

/** Form values: one string per field, '' for "maakt niet uit". */
export type ProfileForm = Record<ProfileField, string>;

export interface PlannerState {
  form: ProfileForm;
  window: PlannerWindow;
  /** True when the URL holds a submitted search (it carries a window). */
  submitted: boolean;
}

const BOOL_FIELDS = new Set<ProfileField>(['hasDebts', 'disability', 'refugeeStatus']);
const BOOL_IN: Record<string, string> = {
  ja: 'ja',
  nee: 'nee',
  true: 'ja',
  false: 'nee',
  yes: 'ja',
  no: 'nee',
  '1': 'ja',
  '0': 'nee',
};

/** Reads the URL; values outside a field's options are ignored rather than sent. */
export function plannerStateFrom(q: URLSearchParams): PlannerState {
  const form = {} as ProfileForm;
  for (const f of PROFILE_FIELDS) {
    let v = q.get(f) ?? '';
    if (BOOL_FIELDS.has(f)) v = BOOL_IN[v.toLowerCase()] ?? '';
    form[f] = (FIELD_VALUES[f] as readonly string[]).includes(v) ? v : '';
  }
  const window = parseWindow(q.get('window'));
  return { form, window, submitted: q.has('window') };
}

function searchRecord(form: ProfileForm, window: PlannerWindow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of PROFILE_FIELDS) if (form[f]) out[f] = form[f];
  out.window = String(window);
  return out;
}

/**
 * The API query of a search: the given fields and the window. Form values come from FIELD_VALUES,
 * which are checked against the API's query type above.
 */
export const plannerSearch = (form: ProfileForm, window: PlannerWindow) =>
  searchRecord(form, window) as RouteplannerParams;

/** The page's URL for a search: `/routeplanner?motivation=4&hasDebts=ja&window=12`. */
export const plannerHref = (form: ProfileForm, window: PlannerWindow) =>
  `/routeplanner?${new URLSearchParams(searchRecord(form, window))}`;

/** The profile as the reply states it, rebuilt from the form (for the summary before a reply). */
export function profileFrom(form: ProfileForm): Profile {
  const p: Profile = {};
  if (form.motivation) p.motivation = Number(form.motivation);
  if (form.ladderStep) p.ladderStep = Number(form.ladderStep);
  if (form.hasDebts) p.hasDebts = form.hasDebts === 'ja';
  if (form.household) p.household = form.household as NonNullable<Profile['household']>;
  if (form.ageBand) p.ageBand = form.ageBand as NonNullable<Profile['ageBand']>;
  if (form.education) p.education = form.education as NonNullable<Profile['education']>;
  if (form.disability) p.disability = form.disability === 'ja';
  if (form.refugeeStatus) p.refugeeStatus = form.refugeeStatus === 'ja';
  return p;
}

export const emptyForm = (): ProfileForm =>
  Object.fromEntries(PROFILE_FIELDS.map((f) => [f, ''])) as ProfileForm;

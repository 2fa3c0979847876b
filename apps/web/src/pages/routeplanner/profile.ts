import type { Profile } from '@wegwijzer/domain';
import { AGE_BANDS, EDUCATIONS, HOUSEHOLDS } from '@wegwijzer/domain/values';
import { parseWindow } from '../monthly/window.ts';
import type { RouteplannerParams } from '../../api/queries.ts';

/**
 * The route planner's profile as URL state: `/routeplanner?motivation=4&hasDebts=ja&window=12`.
 * The URL uses the API's parameter names; booleans read "ja"/"nee". A `window` in the URL marks a
 * submitted search, so `/routeplanner` alone shows only the form. Pilot variables travel as the
 * API has them: `variable=supervisor_trained:ja`, repeated.
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

/** Pilot variables of the profile: value as typed or chosen, by code ('' for "maakt niet uit"). */
export type VariableForm = Record<string, string>;

export interface PlannerState {
  form: ProfileForm;
  variables: VariableForm;
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
  const variables: VariableForm = {};
  for (const param of q.getAll('variable')) {
    const colon = param.indexOf(':');
    if (colon > 0) variables[param.slice(0, colon)] = param.slice(colon + 1);
  }
  const window = parseWindow(q.get('window'));
  return { form, variables, window, submitted: q.has('window') };
}

function searchRecord(
  form: ProfileForm,
  window: PlannerWindow,
  variables: VariableForm = {},
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const f of PROFILE_FIELDS) if (form[f]) out[f] = form[f];
  const given = Object.entries(variables).filter(([, v]) => v.trim() !== '');
  if (given.length > 0) out.variable = given.map(([code, v]) => `${code}:${v.trim()}`);
  out.window = String(window);
  return out;
}

/**
 * The API query of a search: the given fields and the window. Form values come from FIELD_VALUES,
 * which are checked against the API's query type above.
 */
export const plannerSearch = (
  form: ProfileForm,
  window: PlannerWindow,
  variables: VariableForm = {},
) => searchRecord(form, window, variables) as RouteplannerParams;

/** The page's URL for a search: `/routeplanner?motivation=4&hasDebts=ja&window=12`. */
export function plannerHref(
  form: ProfileForm,
  window: PlannerWindow,
  variables: VariableForm = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(searchRecord(form, window, variables)))
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return `/routeplanner?${params}`;
}

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

import type { ProfileMatch, StoredVariable } from '@wegwijzer/db';
import {
  BadRequest,
  VARIABLE_CODE,
  variableCell,
  variableGroup,
  type ProfileVariable,
} from '@wegwijzer/domain';

/**
 * Pilot variables as route-planner profile fields (issue 17). A variable exists only in the
 * pilots that declare it, so the profile gives it by code and each pilot reads the value by its
 * own declaration; a pilot that lacks the code is not comparable on it.
 */

/** The `variable=code:value` parameters by code, in the order given; 400 on a malformed one. */
export function parseVariableParams(params: readonly string[] | undefined): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const param of params ?? []) {
    const colon = param.indexOf(':');
    const code = colon < 0 ? param : param.slice(0, colon);
    const raw = colon < 0 ? '' : param.slice(colon + 1).trim();
    if (!VARIABLE_CODE.test(code) || raw === '')
      throw new BadRequest(
        `variable must be code:value, such as supervisor_trained:ja; got "${param}"`,
        [{ path: 'variable', message: 'must be code:value' }],
      );
    if (wanted.has(code))
      throw new BadRequest(`variable ${code} is given twice`, [
        { path: 'variable', message: `${code} given twice` },
      ]);
    wanted.set(code, raw);
  }
  return wanted;
}

/** What one pilot matches of the profile's variables. */
export interface PilotVariableMatch {
  /** The pilot's declarations of the given codes, in the order given. */
  declared: StoredVariable[];
  /** Each declared code's subgroup (level, yes/no, number or band), as the cells group them. */
  values: ProfileMatch;
  /** Given codes the pilot does not declare. */
  missing: string[];
}

/**
 * The pilot's reading of the profile's variables, by the rule an import cell follows (domain
 * `variableCell`); a value its declaration refuses is a 400 naming the variable and pilot.
 */
export function pilotVariableMatch(
  pilotName: string,
  own: readonly StoredVariable[],
  wanted: ReadonlyMap<string, string>,
): PilotVariableMatch {
  const byCode = new Map(own.map((v) => [v.code, v]));
  const out: PilotVariableMatch = { declared: [], values: {}, missing: [] };
  for (const [code, raw] of wanted) {
    const v = byCode.get(code);
    if (!v) {
      out.missing.push(code);
      continue;
    }
    const checked = variableCell(v, raw, ',');
    if (!checked.ok || checked.value === null)
      throw new BadRequest(
        `variable ${code}: "${raw}" ${expected(v)} (as pilot "${pilotName}" declares it)`,
        [
          {
            path: 'variable',
            message: `${code} ${expected(v)}`,
            code: checked.ok ? 'required' : checked.error.code,
          },
        ],
      );
    out.declared.push(v);
    out.values[code] = variableGroup(v, checked.value);
  }
  return out;
}

function expected(v: StoredVariable): string {
  if (v.type === 'category') return `must be one of ${v.levels.map((l) => l.code).join(', ')}`;
  if (v.type === 'integer') return `must be a whole number from ${v.min} to ${v.max}`;
  return 'must be ja or nee';
}

/**
 * The variables the given pilots declare, one entry per code (its first declaration), for a
 * profile form; 400 for a profile code none of them declares.
 */
export function profileVariables(
  declared: ReadonlyMap<string, readonly StoredVariable[]>,
  wanted: ReadonlyMap<string, string>,
): ProfileVariable[] {
  const byCode = new Map<string, ProfileVariable>();
  for (const [pilotId, vars] of declared)
    for (const v of vars) {
      const entry = byCode.get(v.code);
      if (entry) entry.pilotIds.push(pilotId);
      else
        byCode.set(v.code, {
          code: v.code,
          label: v.label,
          labelEn: v.labelEn,
          type: v.type,
          levels: v.levels,
          min: v.min,
          max: v.max,
          pilotIds: [pilotId],
        });
    }
  for (const code of wanted.keys())
    if (!byCode.has(code))
      throw new BadRequest(`variable ${code}: no pilot you can see declares it`, [
        { path: 'variable', message: `${code} is declared by no visible pilot` },
      ]);
  return [...byCode.values()];
}

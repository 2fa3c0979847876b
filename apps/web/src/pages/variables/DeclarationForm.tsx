import { Button, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { VARIABLE_TYPES } from '@wegwijzer/domain/core';
import type { PilotVariableJson } from '@wegwijzer/domain';
import { api, unwrap, type ApiError } from '../../api/client.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { isRuleCode, ruleMessage } from '../../rule-messages.ts';
import { Choice, LongText, TextBox } from '../manage/Fields.tsx';
import { useCheckedForm, type Shown } from '../manage/useCheckedForm.tsx';
import {
  checkDeclaration,
  DECLARATION_FIELDS,
  declarationInput,
  draftFromVariable,
  emptyDeclaration,
  type DeclarationDraft,
  type DeclarationField,
  type DeclarationProblem,
} from './declaration.ts';
import { declareStrings } from './declare-strings.ts';

/**
 * The field a refused change is about: what the draft changed that stored values forbid (the
 * code, the type, a level, a bound).
 */
function refusedField(before: PilotVariableJson, d: DeclarationDraft): DeclarationField {
  if (d.code.trim() !== before.code) return 'code';
  if (d.type !== before.type) return 'type';
  return d.type === 'category' ? 'levels' : 'min';
}

/** Declare a variable (`variable` absent) or change one; a refusal by the API shows at its field. */
export function DeclarationForm({
  pilotId,
  variable,
  taken,
  onDone,
}: {
  pilotId: string;
  variable?: PilotVariableJson;
  /** The codes of the pilot's other variables. */
  taken: readonly string[];
  onDone(code: string): void;
}) {
  const s = useStrings(declareStrings);
  const { locale } = useI18n();
  const qc = useQueryClient();
  const f = useCheckedForm<
    DeclarationDraft,
    DeclarationField,
    PilotVariableJson,
    DeclarationProblem
  >({
    initial: () => (variable ? draftFromVariable(variable) : emptyDeclaration()),
    fields: DECLARATION_FIELDS,
    check: (d) => checkDeclaration(d, taken),
    send: (d) =>
      variable
        ? unwrap<PilotVariableJson>(
            api.api.pilots[':id'].variables[':code'].$patch({
              param: { id: pilotId, code: variable.code },
              json: declarationInput(d),
            }),
          )
        : unwrap<PilotVariableJson>(
            api.api.pilots[':id'].variables.$post({
              param: { id: pilotId },
              json: declarationInput(d),
            }),
          ),
    onSent: async (v) => {
      await qc.invalidateQueries({ queryKey: ['variables', pilotId] });
      onDone(v.code);
    },
    refusal: (e: ApiError, d) => {
      const values = (e.details as { values?: unknown } | undefined)?.values;
      if (e.status !== 409 || !variable || typeof values !== 'number') return null;
      const fields: Shown<DeclarationField, DeclarationProblem> = {
        [refusedField(variable, d)]: s.inUse(variable.code, values),
      };
      return { fields, rest: [] };
    },
    words: (p) => {
      if (p === undefined || typeof p === 'string') return p;
      if (isRuleCode(p.code)) return ruleMessage(p as Parameters<typeof ruleMessage>[0], locale);
      return s.problems[p.code as keyof typeof s.problems];
    },
  });
  const { draft, set, err } = f;
  const prefix = variable ? `var-${variable.code}` : 'var-new';
  const optional = (text: string) => (
    <>
      {text} <span className="muted">{s.optional}</span>
    </>
  );
  const setLevel = (i: number, part: Partial<DeclarationDraft['levels'][number]>) =>
    set('levels')(draft.levels.map((l, j) => (j === i ? { ...l, ...part } : l)));

  return (
    <form className="form manage-form declaration-form" onSubmit={f.submit} noValidate>
      {f.alerts}
      <div className="form-grid">
        <TextBox
          name={`${prefix}-code`}
          label={s.code}
          hint={s.codeHint}
          value={draft.code}
          onValue={set('code')}
          error={err('code')}
          required
        />
        <TextBox
          name={`${prefix}-label`}
          label={s.label}
          value={draft.label}
          onValue={set('label')}
          error={err('label')}
          required
        />
        <TextBox
          name={`${prefix}-labelEn`}
          label={optional(s.labelEn)}
          value={draft.labelEn}
          onValue={set('labelEn')}
          error={err('labelEn')}
        />
        <Choice
          name={`${prefix}-type`}
          label={s.type}
          value={draft.type}
          onValue={(v) => set('type')(v || 'boolean')}
          options={VARIABLE_TYPES.map((v) => ({ value: v, label: s.types[v] }))}
          error={err('type')}
        />
        {draft.type === 'integer' && (
          <>
            <TextBox
              name={`${prefix}-min`}
              label={s.min}
              inputMode="numeric"
              value={draft.min}
              onValue={set('min')}
              error={err('min')}
              required
            />
            <TextBox
              name={`${prefix}-max`}
              label={s.max}
              inputMode="numeric"
              value={draft.max}
              onValue={set('max')}
              error={err('max')}
              required
            />
          </>
        )}
      </div>
      {draft.type === 'category' && (
        <Fieldset invalid={Boolean(err('levels'))}>
          <FieldsetLegend>{s.levels}</FieldsetLegend>
          {err('levels') && (
            <p className="field-error" role="alert">
              {err('levels')}
            </p>
          )}
          {draft.levels.map((l, i) => (
            <div key={i} className="form-grid level-row" role="group" aria-label={s.level(i + 1)}>
              <TextBox
                name={`${prefix}-level-${i}-code`}
                label={`${s.level(i + 1)}: ${s.levelCode.toLowerCase()}`}
                value={l.code}
                onValue={(code) => setLevel(i, { code })}
                error={err(`levels.${i}.code`)}
                required
              />
              <TextBox
                name={`${prefix}-level-${i}-label`}
                label={`${s.level(i + 1)}: ${s.levelLabel.toLowerCase()}`}
                value={l.label}
                onValue={(label) => setLevel(i, { label })}
                error={err(`levels.${i}.label`)}
                required
              />
              <TextBox
                name={`${prefix}-level-${i}-labelEn`}
                label={optional(`${s.level(i + 1)}: ${s.levelLabelEn.toLowerCase()}`)}
                value={l.labelEn}
                onValue={(labelEn) => setLevel(i, { labelEn })}
              />
              <div className="form-actions">
                <Button
                  type="button"
                  appearance="subtle-button"
                  onClick={() => set('levels')(draft.levels.filter((_, j) => j !== i))}
                >
                  {s.removeLevel(l.code || String(i + 1))}
                </Button>
              </div>
            </div>
          ))}
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => set('levels')([...draft.levels, { code: '', label: '', labelEn: '' }])}
          >
            {s.addLevel}
          </Button>
        </Fieldset>
      )}
      <LongText
        name={`${prefix}-description`}
        label={optional(s.description)}
        value={draft.description}
        onValue={set('description')}
        error={err('description')}
      />
      <div className="form-actions">
        <Button type="submit" appearance="primary-action-button" disabled={f.pending}>
          {variable ? s.save : s.declare}
        </Button>
      </div>
    </form>
  );
}

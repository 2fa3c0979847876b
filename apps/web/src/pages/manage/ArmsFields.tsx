import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useStrings } from '../../i18n.tsx';
import { TextBox, Tick } from './Fields.tsx';
import {
  emptyArm,
  MAX_INTERVENTION_ARMS,
  type ArmDraft,
  type PilotDraft,
  type PilotField,
} from './forms.ts';
import { manageStrings } from './strings.ts';

type ArmsDraft = Pick<PilotDraft, 'arms' | 'control' | 'controlLabel' | 'controlLabelEn'>;

/**
 * The pilot's arms (SPEC §2): one to six intervention arms, each a code and a Dutch label with
 * an optional English one, and an optional control arm whose code is always `control`.
 */
export function ArmsFields({
  draft,
  onDraft,
  err,
}: {
  draft: ArmsDraft;
  onDraft(next: Partial<ArmsDraft>): void;
  err(k: PilotField): string | undefined;
}) {
  const s = useStrings(manageStrings);
  const setArm = (i: number, part: Partial<ArmDraft>) =>
    onDraft({ arms: draft.arms.map((a, j) => (j === i ? { ...a, ...part } : a)) });
  const stored = draft.arms.some((a) => a.was);
  const groupError = err('arms');
  return (
    <Fieldset invalid={Boolean(groupError)} className="arms-fields">
      <FieldsetLegend>{s.arms}</FieldsetLegend>
      <Paragraph className="muted">
        {s.armsHint} {stored && s.armsInUseHint}
      </Paragraph>
      {groupError && (
        <Paragraph className="field-error" role="alert">
          {groupError}
        </Paragraph>
      )}
      {draft.arms.map((a, i) => {
        const title = s.interventionArm(i + 1);
        return (
          <fieldset key={i} className="arm-row" aria-label={title}>
            <legend>{title}</legend>
            <div className="form-grid">
              <TextBox
                name={`arm-${i}-code`}
                label={s.armCode}
                hint={i === 0 ? s.armCodeHint : undefined}
                value={a.code}
                onValue={(code) => setArm(i, { code })}
                error={err(`arms.${i}.code`)}
                required
              />
              <TextBox
                name={`arm-${i}-label`}
                label={s.armLabel}
                value={a.label}
                onValue={(label) => setArm(i, { label })}
                error={err(`arms.${i}.label`)}
                required
              />
              <TextBox
                name={`arm-${i}-labelEn`}
                label={
                  <>
                    {s.armLabelEn} <span className="muted">{s.optional}</span>
                  </>
                }
                value={a.labelEn}
                onValue={(labelEn) => setArm(i, { labelEn })}
                error={err(`arms.${i}.labelEn`)}
              />
            </div>
            {draft.arms.length > 1 && (
              <Button
                type="button"
                appearance="subtle-button"
                onClick={() => onDraft({ arms: draft.arms.filter((_, j) => j !== i) })}
              >
                {s.removeArm(a.label.trim() || title)}
              </Button>
            )}
          </fieldset>
        );
      })}
      {draft.arms.length < MAX_INTERVENTION_ARMS && (
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => onDraft({ arms: [...draft.arms, emptyArm(false)] })}
        >
          {s.addArm}
        </Button>
      )}
      <Tick
        name="pilot-control"
        label={s.hasControl}
        checked={draft.control}
        onChecked={(control) => onDraft({ control })}
      />
      {draft.control && (
        <div className="form-grid">
          <TextBox
            name="pilot-controlLabel"
            label={s.controlLabel}
            value={draft.controlLabel}
            onValue={(controlLabel) => onDraft({ controlLabel })}
            error={err('controlLabel')}
            required
          />
          <TextBox
            name="pilot-controlLabelEn"
            label={
              <>
                {s.controlLabelEn} <span className="muted">{s.optional}</span>
              </>
            }
            value={draft.controlLabelEn}
            onValue={(controlLabelEn) => onDraft({ controlLabelEn })}
            error={err('controlLabelEn')}
          />
        </div>
      )}
    </Fieldset>
  );
}

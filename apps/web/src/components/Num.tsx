import { useContext } from 'react';
import type { Cell } from '../suppression.ts';
import { cellText } from '../suppression.ts';
import { CONTROL_ARM } from '@wegwijzer/domain/values';
import { useArmLook } from '../charts/arms.tsx';
import { useI18n } from '../i18n.tsx';
import { InHiddenChart } from './Figure.tsx';

/**
 * A figure that may be suppressed, never shown as 0: a suppressed count reads "<10" (`count`),
 * a suppressed rate or amount "niet getoond", since "<10" would look like a number of it.
 */
export function Num({
  c,
  fmt,
  count = false,
}: {
  c: Cell;
  fmt: (v: number) => string;
  count?: boolean;
}) {
  const { t } = useI18n();
  const hidden = useContext(InHiddenChart);
  if (c.kind === 'suppressed') {
    const [label, why] = count ? [t.suppressed, t.suppressedWhy] : [t.notShown, t.notShownWhy];
    // In a chart hidden from screen readers the explanation stays on hover; focus goes to the table view.
    return (
      <abbr
        className="suppressed"
        title={why}
        tabIndex={hidden ? undefined : 0}
        data-suppressed={count ? 'count' : 'figure'}
      >
        {label}
        <span className="sr-only"> ({why})</span>
      </abbr>
    );
  }
  return <>{cellText(c, fmt)}</>;
}

/** "Afgerond om de privacy te beschermen", once, in small print, under a viewer's rounded figures. */
export function RoundedNote({ rounded }: { rounded: boolean | undefined }) {
  const { t } = useI18n();
  if (!rounded) return null;
  return (
    <p className="rounded-note muted" data-rounded="true">
      {t.roundedNote}
    </p>
  );
}

export function ArmTag({ arm, label }: { arm: string; label?: string }) {
  const look = useArmLook();
  const { color } = look.style(arm);
  // The control arm's swatch is hatched as well as grey, so it differs without colour.
  const background =
    arm === CONTROL_ARM
      ? `repeating-linear-gradient(45deg, ${color} 0 5px, #d9d9d9 5px 7px)`
      : color;
  return (
    <span className="arm-tag" data-arm={arm}>
      <span className="swatch" aria-hidden="true" style={{ background }} />
      {label ?? look.label(arm)}
    </span>
  );
}

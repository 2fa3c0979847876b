import { useContext } from 'react';
import type { Cell } from '../suppression.ts';
import { cellText } from '../suppression.ts';
import { useI18n } from '../i18n.tsx';
import { InHiddenChart } from './Figure.tsx';

/** A figure that may be suppressed: "<10" with an explanation on hover/focus, never 0. */
export function Num({ c, fmt }: { c: Cell; fmt: (v: number) => string }) {
  const { t } = useI18n();
  const hidden = useContext(InHiddenChart);
  if (c.kind === 'suppressed') {
    // In a chart hidden from screen readers the explanation stays on hover; focus goes to the table view.
    return (
      <abbr
        className="suppressed"
        title={t.suppressedWhy}
        tabIndex={hidden ? undefined : 0}
        data-suppressed="true"
      >
        {t.suppressed}
        <span className="sr-only"> ({t.suppressedWhy})</span>
      </abbr>
    );
  }
  return <>{cellText(c, fmt)}</>;
}

export function ArmTag({ arm }: { arm: 'intervention' | 'control' }) {
  const { t } = useI18n();
  return (
    <span className={`arm-tag arm-${arm}`}>
      <span className="swatch" aria-hidden="true" />
      {t.arms[arm]}
    </span>
  );
}

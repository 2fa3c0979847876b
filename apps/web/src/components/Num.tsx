import type { Cell } from '../suppression.ts';
import { cellText } from '../suppression.ts';
import { useI18n } from '../i18n.tsx';

/** A figure that may be suppressed: "<10" with an explanation on hover/focus, never 0. */
export function Num({ c, fmt }: { c: Cell; fmt: (v: number) => string }) {
  const { t } = useI18n();
  if (c.kind === 'suppressed') {
    return (
      <abbr className="suppressed" title={t.suppressedWhy} tabIndex={0} data-suppressed="true">
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

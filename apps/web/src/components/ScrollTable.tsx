import type { ReactNode } from 'react';
import { useStrings } from '../i18n.tsx';
import { componentStrings } from './strings.ts';

/**
 * A wide table scrolls inside its own box, so the page never scrolls sideways on a phone. The box
 * takes focus and has a name (the heading it sits under, or a label), so keyboard users can
 * scroll it too (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function ScrollTable({
  label,
  labelledBy,
  className,
  children,
}: {
  label?: string;
  labelledBy?: string;
  className?: string;
  children: ReactNode;
}) {
  const s = useStrings(componentStrings);
  return (
    <div
      className={`table-scroll${className ? ` ${className}` : ''}`}
      role="region"
      aria-label={labelledBy ? undefined : s.scrollTable(label ?? s.table)}
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      {children}
    </div>
  );
}

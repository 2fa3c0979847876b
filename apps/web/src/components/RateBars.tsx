import type { Cell } from '../suppression.ts';
import { rateAxisMax, type ReferenceMark } from '../charts/reference.ts';
import type { ArmKey } from '../charts/mappers.ts';
import { formatPercent } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useArmLook } from '../charts/arms.tsx';
import { ArmTag, Num } from './Num.tsx';
import { referenceLabel } from './References.tsx';

export interface RateBarRow {
  arm: ArmKey;
  rate: Cell;
  ci: readonly [number, number] | null;
}

/**
 * Rates per arm as horizontal bars (0–100%) with interval whiskers; reference figures as marked
 * vertical lines across the bars, each labelled under them. A suppressed rate is a short hatched
 * bar reading "<10", never an empty bar.
 */
export function RateBars({
  rows,
  marks = [],
  compact = false,
}: {
  rows: readonly RateBarRow[];
  marks?: readonly ReferenceMark[];
  compact?: boolean;
}) {
  const { t, locale } = useI18n();
  const look = useArmLook();
  const max = rateAxisMax([
    ...rows.map((r) => r.ci?.[1] ?? (r.rate.kind === 'value' ? r.rate.value : null)),
    ...marks.map((m) => m.rate),
  ]);
  const pos = (v: number) => `${(Math.min(v, max) / max) * 100}%`;
  return (
    <div className={compact ? 'armbars compact' : 'armbars'}>
      {rows.map(({ arm, rate, ci }) => (
        <div className="armbar-row" key={arm}>
          <ArmTag arm={arm} />
          <div className="armbar-track">
            {rate.kind === 'value' ? (
              <div
                className="armbar-fill"
                data-arm={arm}
                style={{ width: pos(rate.value), background: look.style(arm).color }}
              />
            ) : (
              <div className="armbar-fill hatched" style={{ width: '6%' }} />
            )}
            {ci && (
              <div
                className="whisker"
                style={{ left: pos(ci[0]), width: `calc(${pos(ci[1])} - ${pos(ci[0])})` }}
              />
            )}
            {marks.map((m) => (
              <div key={m.id} className={`refmark ref-${m.kind}`} style={{ left: pos(m.rate) }} />
            ))}
          </div>
          <span className="armbar-value">
            <Num c={rate} fmt={(v) => formatPercent(v, 1, locale)} />
          </span>
        </div>
      ))}
      {!compact &&
        marks.map((m) => (
          <div className="armbar-row refmark-row" key={m.id} data-reference={m.kind}>
            <span />
            <div className="refmark-labels">
              <span
                className={`refmark-label ref-${m.kind}${m.rate / max > 0.6 ? ' to-left' : ''}`}
                style={{ left: pos(m.rate) }}
              >
                <span className={`ref-swatch ref-${m.kind}`} aria-hidden="true" />
                {referenceLabel(m, t, locale)}
              </span>
            </div>
            <span />
          </div>
        ))}
    </div>
  );
}

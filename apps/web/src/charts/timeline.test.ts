import { describe, expect, it } from 'vitest';
import { spells, timelineEnd } from './timeline.ts';

const p = { intakeDate: '2024-01-15', lostToFollowUpDate: null };

describe('timelineEnd', () => {
  it('ends at the pilot observation end, not today', () => {
    expect(timelineEnd(p, '2025-06-30', [{ date: '2024-03-01' }], '2026-12-01')).toBe('2025-06-30');
  });

  it('ends at the lost-to-follow-up date when it comes first', () => {
    expect(
      timelineEnd({ ...p, lostToFollowUpDate: '2024-09-30' }, '2025-06-30', [], '2026-12-01'),
    ).toBe('2024-09-30');
  });

  it('stops a running benefit spell at the observation end, with events after it outside', () => {
    const end = timelineEnd(p, '2025-06-30', [], '2026-12-01');
    const bands = spells(p.intakeDate, [{ type: 'benefit_end', date: '2025-09-01' }], end);
    expect(bands).toEqual([{ kind: 'benefit', from: '2024-01-15', to: '2025-06-30', open: true }]);
  });

  it('runs to today, or the latest event, only while the pilot is not known', () => {
    expect(timelineEnd(p, undefined, [{ date: '2027-01-01' }], '2026-12-01')).toBe('2027-01-01');
    expect(timelineEnd(p, null, [], '2026-12-01')).toBe('2026-12-01');
  });
});

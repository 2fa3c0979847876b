/**
 * Deterministic participants and events files for the SPEC §8 tests, with a valid BSN for each
 * person (computed, so no real number is written down) and, optionally, one person whose every
 * value — reference, dates, amounts, BSN — occurs nowhere else, so a test can look for it.
 */

/** A nine-digit number that passes the elfproef, made from `n` (distinct n give distinct numbers). */
export function validBsn(n: number): string {
  // Two disjoint ranges of eight-digit heads: when a head has no check digit (the sum is 10
  // mod 11), the other range's head of the same n takes its place.
  for (const base of [10_000_000, 50_000_000]) {
    const head = String(base + n);
    const sum = [...head].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
    if (sum % 11 <= 9) return head + String(sum % 11);
  }
  throw new Error(`no BSN for ${n}`);
}

/** A nine-digit number that fails the elfproef. */
export function invalidBsn(n: number): string {
  const ok = validBsn(n);
  return ok.slice(0, 8) + String((Number(ok[8]) + 1) % 10);
}

/** The one person whose values a test looks for after erasing them. */
export const MARKED = {
  ref: 'WISSEN-7f3a',
  bsn: validBsn(987_654),
  // As written in the file (Dutch dates) and as stored (ISO).
  intakeWritten: '19-07-2024',
  intake: '2024-07-19',
  monthlyBenefit: '98765.43',
  monthlyBenefitCents: 9_876_543,
  exitWritten: '23-09-2024',
  exit: '2024-09-23',
  offsetWritten: '27-10-2024',
  offset: '2024-10-27',
  offsetAmount: '91234.57',
  offsetCents: 9_123_457,
  ladderWritten: '29-11-2024',
  ladder: '2024-11-29',
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * `n` participants (refs P0001…) on days 1–15 of January–June 2024, every second one a control,
 * with exits, offset income and ladder steps on days 1–15 too; `marked` adds MARKED, whose dates
 * fall on days 19–29 and whose amounts no one else has (`markedBsn` gives them another BSN).
 */
export function peopleFiles(
  n: number,
  options: { marked?: boolean; bsnOffset?: number; markedBsn?: string } = {},
): { participants: string; events: string } {
  const p = ['participant_ref,arm,intake_date,monthly_benefit,motivation,bsn'];
  const e = ['participant_ref,type,date,reason,value'];
  for (let i = 1; i <= n; i++) {
    const ref = `P${pad(i, 4)}`;
    const month = 1 + (i % 6);
    const day = 1 + (i % 15);
    p.push(
      `${ref},${i % 2 ? 'intervention' : 'control'},2024-${pad(month)}-${pad(day)},${1000 + (i % 5) * 100},${1 + (i % 5)},${validBsn(i + (options.bsnOffset ?? 0))}`,
    );
    if (i % 5 < 2) {
      e.push(
        `${ref},benefit_end,2025-${pad(month)}-${pad(day)},${i % 2 ? 'regular_work' : 'bbz'},`,
      );
    }
    if (i % 7 === 0)
      e.push(`${ref},offset_income,2025-${pad(month)}-${pad(day)},,${200 + (i % 3) * 50}`);
    if (i % 4 === 0) e.push(`${ref},ladder,2024-${pad(month + 6)}-${pad(day)},,${1 + (i % 6)}`);
  }
  if (options.marked) {
    const m = MARKED;
    p.push(
      `${m.ref},intervention,${m.intakeWritten},${m.monthlyBenefit},4,${options.markedBsn ?? m.bsn}`,
    );
    e.push(`${m.ref},benefit_end,${m.exitWritten},regular_work,`);
    e.push(`${m.ref},offset_income,${m.offsetWritten},,${m.offsetAmount}`);
    e.push(`${m.ref},ladder,${m.ladderWritten},,5`);
  }
  return { participants: p.join('\n') + '\n', events: e.join('\n') + '\n' };
}

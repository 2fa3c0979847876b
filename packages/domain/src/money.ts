/** Integer cents to euros for JSON replies (euros to cents: `eurosToCents` in rules.ts). */
export function centsToEuros(cents: number): number {
  return cents / 100;
}

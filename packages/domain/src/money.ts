/** Euros (as typed or sent in JSON) to integer cents, rounding half away from zero. */
export function eurosToCents(euros: number): number {
  return Math.sign(euros) * Math.round(Math.abs(euros) * 100);
}

/** Integer cents to euros for JSON replies. */
export function centsToEuros(cents: number): number {
  return cents / 100;
}

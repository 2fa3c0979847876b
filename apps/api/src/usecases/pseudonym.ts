import { createHmac } from 'node:crypto';

/**
 * A researcher's pseudonym for a participant: stable for the same researcher and pilot, so two
 * exports link, and different for another researcher, so theirs do not (SPEC §7).
 */
export function pseudonym(
  key: string,
  researcherId: string,
  pilotId: string,
  participantId: number,
): string {
  const digest = createHmac('sha256', key)
    .update(`${researcherId}\u0000${pilotId}\u0000${participantId}`)
    .digest('hex');
  return `P${digest.slice(0, 12).toUpperCase()}`;
}

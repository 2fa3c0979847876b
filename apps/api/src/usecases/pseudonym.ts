import { createHmac } from 'node:crypto';

/**
 * What a pseudonym is for: the researcher's own views and plain exports share one set, a
 * date-shifted export has another, so it cannot be joined back to the unshifted dates
 * (SPEC §6, §7).
 */
export type PseudonymDomain = 'views' | 'date-shifted';

/**
 * A researcher's pseudonym for a participant: stable for the same researcher, pilot and domain,
 * so two exports link, and different for another researcher or domain, so theirs do not
 * (SPEC §7).
 */
export function pseudonym(
  key: string,
  researcherId: string,
  pilotId: string,
  participantId: number,
  domain: PseudonymDomain = 'views',
): string {
  // The plain domain keeps the message of earlier versions, so existing pseudonyms stay.
  const prefix = domain === 'views' ? '' : `${domain}\u0000`;
  const digest = createHmac('sha256', key)
    .update(`${prefix}${researcherId}\u0000${pilotId}\u0000${participantId}`)
    .digest('hex');
  return `P${digest.slice(0, 12).toUpperCase()}`;
}

/** Ids in the order of their pseudonyms: an order that says nothing about intake or id. */
export function byPseudonym<T>(items: readonly T[], name: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: name(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.item);
}

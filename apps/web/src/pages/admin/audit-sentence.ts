import type { AuditEntry } from '@wegwijzer/domain';
import { formatDateTime, formatNumber, type Locale } from '../../format.ts';
import { auditStrings } from './audit-strings.ts';

/**
 * One audit entry as a sentence: "beheer@gemeente.example opende deelnemer P-0012 op
 * 01-12-2026 14:03". Participants by their reference, pilots by name, never internal ids.
 */
export function auditSentence(
  e: Pick<
    AuditEntry,
    'at' | 'actorEmail' | 'action' | 'pilotId' | 'participantRef' | 'rowCount'
  > & {
    participantId?: string | null;
  },
  pilotName: (id: string) => string,
  locale: Locale,
): string {
  const s = auditStrings[locale];
  const who = e.actorEmail ?? (e.action.startsWith('login') ? s.someone : s.system);
  const participant = e.participantRef ?? (e.participantId ? s.unnamed : '');
  const pilot = e.pilotId ? pilotName(e.pilotId) : '';
  const rows = e.rowCount == null ? '' : formatNumber(e.rowCount, 0, locale);
  const verb = s.actions[e.action];
  const what = verb ? verb({ participant, pilot, rows }) : s.fallback(e.action);
  // A pilot the verb does not name yet is added, so every sentence says where it happened.
  const where = pilot && !what.includes(pilot) ? ` ${s.inPilot} ${pilot}` : '';
  return `${who} ${what.replace(/\s+/g, ' ').trim()}${where} ${s.on} ${formatDateTime(e.at, locale)}`;
}

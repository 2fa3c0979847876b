import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { Pilot } from '@wegwijzer/domain';
import { formatDate } from '../../format.ts';
import { useI18n, useStrings } from '../../i18n.tsx';
import { privacyStrings } from './strings.ts';

/** The pilot page's notice of its retention date: from 90 days before, after it, and once acted on. */
export function RetentionNotice({ pilot }: { pilot: Pilot }) {
  const { locale } = useI18n();
  const s = useStrings(privacyStrings).retention;
  const r = pilot.retention;
  const date = formatDate(pilot.retainUntil, locale);
  const lines: string[] = [];
  if (r.state === 'erased') lines.push(s.erased(formatDate(r.appliedAt!.slice(0, 10), locale)));
  else if (r.state === 'reduced')
    lines.push(s.reduced(formatDate(r.appliedAt!.slice(0, 10), locale)));
  else if (r.status === 'due') lines.push(s.due(date));
  else if (r.status === 'soon') lines.push(s.soon(date));
  if (r.review && !r.state) lines.push(s.review(date));
  if (lines.length === 0) return null;
  return (
    <Alert type="warning" role="status">
      {lines.map((l) => (
        <Paragraph key={l}>{l}</Paragraph>
      ))}
    </Alert>
  );
}

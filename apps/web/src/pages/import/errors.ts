import type { ApiErrorDetail } from '../../api/client.ts';
import type { Locale } from '../../format.ts';
import { isRuleCode, ruleMessage } from '../../rule-messages.ts';
import { importStrings } from './strings.ts';

/**
 * An import refusal in the reader's language. A refusal by a shared rule carries its code and is
 * worded from it (with nl-NL dates and numbers); the few file-level refusals without a code (a
 * missing column, a broken line) fall back to a sentence naming line and column, and the English
 * screen shows the server's own English message.
 */
export function importErrorMessage(e: ApiErrorDetail, locale: Locale): string {
  if (isRuleCode(e.code)) return ruleMessage({ code: e.code, params: e.params ?? {} }, locale);
  if (locale === 'en') return e.message;
  const s = importStrings.nl;
  if (e.code && e.code in s.codes) return s.codes[e.code as keyof typeof s.codes](e.params ?? {});
  return e.column ? s.badValue(e.column) : s.badLine;
}

/**
 * The error list as Dutch Excel opens it: `;` between fields, a UTF-8 byte order mark so é and
 * ë survive, CRLF line ends, and headers in the reader's language.
 */
export function errorListCsv(errors: readonly ApiErrorDetail[], locale: Locale): string {
  const s = importStrings[locale];
  const q = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    [s.line, s.column, s.message].join(';'),
    ...errors.map((e) =>
      [String(e.line ?? ''), q(e.column ?? ''), q(importErrorMessage(e, locale))].join(';'),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

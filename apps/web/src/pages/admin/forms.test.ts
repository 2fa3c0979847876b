import { describe, expect, it } from 'vitest';
import {
  auditFilterFrom,
  serverFieldErrors,
  tokenStatus,
  validateNewUser,
  validateToken,
} from './forms.ts';
import { adminStrings } from './strings.ts';

const s = adminStrings.nl;

describe('validateNewUser', () => {
  it('accepts a complete user with a 12-character password', () => {
    expect(validateNewUser({ email: 'a@b.nl', name: 'A', password: '123456789012' }, s)).toEqual(
      {},
    );
  });
  it('refuses a password of 11 characters, next to the password field', () => {
    expect(validateNewUser({ email: 'a@b.nl', name: 'A', password: '12345678901' }, s)).toEqual({
      password: s.errPassword,
    });
  });
  it('asks for the missing email and name, and a valid email', () => {
    expect(validateNewUser({ email: '', name: ' ', password: 'x'.repeat(12) }, s)).toEqual({
      email: s.errRequired,
      name: s.errRequired,
    });
    expect(
      validateNewUser({ email: 'geen-adres', name: 'A', password: 'x'.repeat(12) }, s).email,
    ).toBe(s.errEmail);
  });
});

describe('validateToken', () => {
  it.each([
    ['', {}],
    ['30', {}],
    ['0', { days: s.errDays }],
    ['3651', { days: s.errDays }],
    ['1.5', { days: s.errDays }],
  ])('checks a validity of "%s" days', (days, out) =>
    expect(validateToken({ name: 'n', days }, s)).toEqual(out),
  );
  it('requires a name', () =>
    expect(validateToken({ name: '', days: '' }, s)).toEqual({ name: s.errRequired }));
});

describe('serverFieldErrors', () => {
  it('puts a field’s message next to it and keeps the rest for the form', () => {
    const details = [
      { path: 'password', message: 'at least 12 characters' },
      { path: 'pilots.0', message: 'bad' },
      { path: 'other', message: 'x' },
    ];
    expect(serverFieldErrors(details, ['email', 'password', 'pilots'] as const)).toEqual({
      fields: { password: 'at least 12 characters', pilots: 'bad' },
      rest: ['other: x'],
    });
  });
  it('copes with a reply without details', () =>
    expect(serverFieldErrors(undefined, ['email'])).toEqual({ fields: {}, rest: [] }));
});

describe('tokenStatus', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it.each([
    [{ revokedAt: null, expiresAt: null }, 'active'],
    [{ revokedAt: null, expiresAt: '2026-02-01T00:00:00Z' }, 'active'],
    [{ revokedAt: null, expiresAt: '2025-12-01T00:00:00Z' }, 'expired'],
    [{ revokedAt: '2025-12-02T00:00:00Z', expiresAt: '2025-12-01T00:00:00Z' }, 'revoked'],
  ] as const)('%j is %s', (tok, status) => expect(tokenStatus(tok, now)).toBe(status));
});

describe('auditFilterFrom', () => {
  it('reads the filters from the URL, dropping empty ones and the page', () => {
    const q = new URLSearchParams(
      'actor=%20beheer@x.nl&action=&pilot=p1&from=2026-01-01&page=3&tab=audit',
    );
    expect(auditFilterFrom(q)).toEqual({ actor: 'beheer@x.nl', pilot: 'p1', from: '2026-01-01' });
  });
});

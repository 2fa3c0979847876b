import { describe, expect, it } from 'vitest';
import { hashBsn, isValidBsn, normaliseBsn } from './bsn.ts';

describe('isValidBsn (elfproef)', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['011222335', true],
    ['11222335', true], // the same number with its leading zero dropped by a spreadsheet
    [' 123456782 ', true],
    ['123456789', false],
    ['111222334', false],
    ['000000000', false],
    ['00000000', false],
    ['12345678', false],
    ['1234567', false],
    ['1234567890', false],
    ['12345678a', false],
    ['123 456 782', false],
    ['', false],
  ])('judges %j as %s', (bsn, valid) => {
    expect(isValidBsn(bsn)).toBe(valid);
  });
});

describe('hashBsn', () => {
  it('is HMAC-SHA-256 hex of the 9-digit number', () => {
    expect(hashBsn('111222333', 'k')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives different hashes under different keys', () => {
    expect(hashBsn('111222333', 'key-a')).not.toBe(hashBsn('111222333', 'key-b'));
  });

  it('gives the same hash for 8 digits as for the number with its leading zero', () => {
    expect(hashBsn('11222335', 'k')).toBe(hashBsn('011222335', 'k'));
    expect(normaliseBsn('11222335')).toBe('011222335');
  });

  it('refuses a malformed number without echoing it', () => {
    expect(() => hashBsn('98765', 'k')).toThrow(/8 or 9 digits/);
    expect(() => hashBsn('98765', 'k')).not.toThrow(/98765/);
  });
});

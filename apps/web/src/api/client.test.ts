import { describe, expect, it } from 'vitest';
import { ApiError, parseJson, replyOrThrow } from './client.ts';

describe('replyOrThrow', () => {
  it('returns the body of a 2xx reply', () => {
    expect(replyOrThrow(201, { id: 'x' })).toEqual({ id: 'x' });
  });

  it('throws an ApiError with the envelope’s code, message and details', () => {
    const body = {
      error: { code: 'invalid_import', message: 'Fouten', details: [{ line: 2, message: 'm' }] },
    };
    try {
      replyOrThrow(422, body);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      const err = e as ApiError;
      expect([err.status, err.code, err.message]).toEqual([422, 'invalid_import', 'Fouten']);
      expect(err.detailList).toEqual([{ line: 2, message: 'm' }]);
    }
  });

  it('throws a generic ApiError when the reply has no envelope', () => {
    expect(() => replyOrThrow(502, null)).toThrow('HTTP 502');
  });
});

describe('parseJson', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['', null],
    ['<html>', null],
  ])('parses %j', (text, out) => expect(parseJson(text)).toEqual(out));
});

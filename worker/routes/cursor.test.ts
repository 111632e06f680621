import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors.js';
import { decodeCursor, encodeCursor, startOffset } from './cursor.js';

describe('feed cursors', () => {
  it('round-trip through an opaque URL-safe token', () => {
    const token = encodeCursor({ offset: 40, version: 'v2026-01-01T00.00.00_ab-c' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token)).toEqual({ offset: 40, version: 'v2026-01-01T00.00.00_ab-c' });
  });

  it.each(['@@', btoa('not json'), btoa('{"offset":"3","version":"v1"}'), btoa('{"offset":1e9,"version":"v1"}')])(
    'rejects %s as a bad cursor field',
    (token) => {
      expect(() => decodeCursor(token)).toThrow(BadRequestError);
      try {
        decodeCursor(token);
      } catch (e) {
        expect((e as BadRequestError).field).toBe('cursor');
      }
    },
  );

  it('restarts at 0 when the cursor belongs to another version', () => {
    expect(startOffset({ offset: 7, version: 'v1' }, 'v1')).toEqual({ offset: 7, restarted: false });
    expect(startOffset({ offset: 7, version: 'v1' }, 'v2')).toEqual({ offset: 0, restarted: true });
    expect(startOffset(null, 'v2')).toEqual({ offset: 0, restarted: false });
  });
});

import { describe, expect, it } from 'vitest';
import { CURSOR_SERVED_MAX } from '../config.js';
import { decodeCursor, encodeCursor, servedHash } from './cursor.js';

describe('feed cursor', () => {
  it('round-trips the served hashes through an opaque URL-safe token', () => {
    const served = ['v1', 'v2', 'ü-video'].map(servedHash);
    const token = encodeCursor(served);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token)).toEqual(served);
  });

  it('keeps only the newest CURSOR_SERVED_MAX', () => {
    const served = Array.from({ length: CURSOR_SERVED_MAX + 7 }, (_, i) => i);
    expect(decodeCursor(encodeCursor(served))).toEqual(served.slice(7));
  });

  it.each(['@@', btoa('abc'), '', btoa('x'.repeat(4 * CURSOR_SERVED_MAX + 4))])('rejects a forged token %s with a 400 naming the cursor', (token) => {
    expect(() => decodeCursor(token)).toThrow(expect.objectContaining({ status: 400, field: 'cursor' }));
  });
});

import { describe, expect, it } from 'vitest';
import { digestAll, matchesAnyDigest, sha256 } from './constant-time.js';

describe('matchesAnyDigest', () => {
  it('matches exactly one of the keys, whatever their lengths', async () => {
    const keys = ['short', 'a-much-longer-key-than-the-first', 'third'];
    const digests = await digestAll(keys);
    for (const key of keys) expect(await matchesAnyDigest(key, digests)).toBe(true);
    for (const other of ['', 'shor', 'short ', 'SHORT', 'a-much-longer-key-than-the-first!']) expect(await matchesAnyDigest(other, digests)).toBe(false);
    expect(await matchesAnyDigest('short', [])).toBe(false);
  });

  it('compares fixed-size digests, so the lengths of the secrets never meet', async () => {
    const lengths = new Set((await Promise.all(['', 'x', 'x'.repeat(1000)].map(sha256))).map((d) => d.byteLength));
    expect([...lengths]).toEqual([32]);
  });
});

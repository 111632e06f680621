import { describe, expect, it } from 'vitest';
import { bucketOf, fnv1a32 } from './hash.js';

// Reference FNV-1a 32 over bytes, to check the inline UTF-8 encoder.
const ref = (s: string) => new TextEncoder().encode(s).reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5);

describe('fnv1a32', () => {
  it('matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
  it('hashes the UTF-8 bytes (accents, CJK, emoji)', () => {
    for (const s of ['user_42', 'café', '视频', '🎬clip', 'é'.repeat(40)]) expect(fnv1a32(s)).toBe(ref(s));
  });
  it('buckets are in range and spread', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const b = bucketOf(`u${i}`, 64);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(64);
      seen.add(b);
    }
    expect(seen.size).toBe(64);
  });
});

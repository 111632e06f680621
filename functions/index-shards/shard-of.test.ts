import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../models/features/hash.js';
import { shardOf } from './shard-of.js';

describe('shardOf', () => {
  it('matches the published FNV-1a 32 test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is stable and spreads ids over every shard', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `v${i}`);
    const counts = [0, 0, 0, 0];
    for (const id of ids) {
      const k = shardOf(id, 4);
      expect(shardOf(id, 4)).toBe(k);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });

  it('rejects a non-positive shard count', () => {
    expect(() => shardOf('v1', 0)).toThrow(RangeError);
  });
});

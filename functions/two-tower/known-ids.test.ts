import { describe, expect, it } from 'vitest';
import { idRow, UNKNOWN_ID_ROW } from './features.js';
import { knownIds } from './known-ids.js';

describe('knownIds', () => {
  it('gives trained ids their hashed row and unseen ids the unknown row', () => {
    const k = knownIds(1 << 16);
    k.add('v1');
    expect(k.row('v1')).toBe(idRow('v1', 1 << 16));
    expect(k.row('never-seen')).toBe(UNKNOWN_ID_ROW);
    expect(k.knownRow('never-seen')).toBe(-1);
  });

  it('treats a new id colliding with a trained one as unknown, but keeps shared buckets for both trained ids', () => {
    const B = 17, k = knownIds(B);
    const ids = Array.from({ length: 200 }, (_, i) => `v${i}`);
    const [a, b, c] = ids.filter((id) => idRow(id, B) === idRow('v0', B));
    k.add(a!);
    expect(k.row(b!)).toBe(UNKNOWN_ID_ROW);
    k.add(b!);
    expect([k.row(a!), k.row(b!), k.row(c!)]).toEqual([idRow('v0', B), idRow('v0', B), idRow('v0', B)]);
  });
});

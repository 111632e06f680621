import { describe, expect, it } from 'vitest';
import { decodeList, encodeList, SOURCES, TASKS, type RankedItem, type RankedList } from './candidates.js';

// A seeded list shaped like a real user's: 200 items, ~40 creators, ~12 categories.
function list(n = 200, withPreds = true): RankedList {
  let s = 7;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const items: RankedItem[] = Array.from({ length: n }, (_, i) => ({
    video_id: `v${100000 + Math.floor(rand() * 900000)}`,
    creator_id: `c${Math.floor(rand() * 40)}`,
    category: `cat${Math.floor(rand() * 12)}`,
    sources: SOURCES.filter(() => rand() < 0.3),
    score: Math.round((1 - i / n) * 10_000) / 10_000,
    ...(withPreds && { preds: TASKS.map(() => Math.round(rand() * 10_000) / 10_000) }),
    cluster: Math.floor(rand() * 64),
  }));
  return { key: 'u42', version: 'v1', generated_at: 1_700_000_000_000, items };
}

describe('ranked list codec', () => {
  it('round-trips every field (predictions to 1/65535)', () => {
    const l = list();
    const back = decodeList(encodeList(l));
    back.items.forEach((item, i) => {
      const preds = item.preds!;
      // watch (task 1) is stored over [0, 12], the probabilities over [0, 1]
      l.items[i]!.preds!.forEach((p, t) => expect(Math.abs(preds[t]! - p)).toBeLessThanOrEqual(((t === 1 ? 12 : 1) * 0.5) / 65_535 + 1e-12));
    });
    expect(back.items.map(({ preds, ...rest }) => rest)).toEqual(l.items.map(({ preds, ...rest }) => rest));
    const plain = list(50, false);
    expect(decodeList(encodeList(plain))).toEqual(plain);
  });

  it('quantises scores to 1e-4', () => {
    const l = list(1, false);
    l.items[0]!.score = 0.123456;
    expect(decodeList(encodeList(l)).items[0]!.score).toBe(0.1235);
  });

  it('is much smaller than row-wise JSON (bytes per user for 200 items)', () => {
    const l = list();
    const compact = new TextEncoder().encode(encodeList(l)).length;
    const rowWise = new TextEncoder().encode(JSON.stringify(l)).length;
    console.log(`ranked list codec: ${compact} B per user (200 items) vs ${rowWise} B row-wise JSON`);
    expect(compact / rowWise).toBeLessThan(0.3);
    expect(compact / l.items.length).toBeLessThan(45);
  });

  it('throws on a malformed value and on an unknown source', () => {
    expect(() => decodeList('{"f":1}')).toThrow();
    const bad = JSON.parse(encodeList(list(3, false)));
    bad.s.pop();
    expect(() => decodeList(bad)).toThrow(/column lengths differ/);
    const dangling = JSON.parse(encodeList(list(3, false)));
    dangling.c[0] = 99;
    expect(() => decodeList(dangling)).toThrow(/reference 99 is not in cr/);
    const l = list(1, false);
    l.items[0]!.sources = ['nope' as never];
    expect(() => encodeList(l)).toThrow(/unknown candidate source/);
  });
  it('round-trips optional upload times to the whole minute, and omits the column unless every item has one', () => {
    const l = list(20, false);
    l.items.forEach((item, i) => (item.upload_ts = 1_700_000_000_000 - i * 3_600_000 - 59_999));
    const back = decodeList(encodeList(l));
    expect(back.items.map((i) => i.upload_ts)).toEqual(l.items.map((i) => Math.floor(i.upload_ts! / 60_000) * 60_000));
    expect(back.items.map(({ upload_ts, ...rest }) => rest)).toEqual(l.items.map(({ upload_ts, ...rest }) => rest));
    delete l.items[3]!.upload_ts;
    expect(JSON.parse(encodeList(l)).u).toBeUndefined();
    const bad = JSON.parse(encodeList(list(3, false)));
    expect(() => decodeList({ ...bad, u: [1] })).toThrow();
  });
});

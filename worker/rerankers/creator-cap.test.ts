import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../pipeline/types.js';
import { creatorCap } from './creator-cap.js';
import { RerankConfigError } from './errors.js';
import { ids, item } from './test-candidates.js';

const by = (creator: string, ...videoIds: string[]) => videoIds.map((id) => ({ id, creator }));
const stream = (rows: { id: string; creator: string }[]) => rows.map((r, i) => item(r.id, 1 - i / 100, { creator: r.creator }, i));
const countBy = (items: Candidate[]) => items.reduce((m, c) => m.set(c.creator_id, (m.get(c.creator_id) ?? 0) + 1), new Map<string, number>());

describe('creatorCap', () => {
  it('moves a creator’s third video on the page to just after the page', () => {
    const items = stream([...by('a', 'a1', 'a2', 'a3'), ...by('b', 'b1'), ...by('a', 'a4'), ...by('c', 'c1', 'c2'), ...by('d', 'd1')]);
    const out = creatorCap({ maxPerCreator: 2 }).rerank(items, { n: 4 });
    expect(ids(out)).toEqual(['a1', 'a2', 'b1', 'c1', 'a3', 'a4', 'c2', 'd1']);
  });

  it('leaves a stream already under the cap as it is', () => {
    const items = stream([...by('a', 'a1', 'a2'), ...by('b', 'b1', 'b2'), ...by('c', 'c1')]);
    expect(ids(creatorCap().rerank(items, { n: 5 }))).toEqual(ids(items));
  });

  it('fills the page with over-cap videos, in order, when too few creators remain', () => {
    const items = stream([...by('a', 'a1', 'a2', 'a3', 'a4'), ...by('b', 'b1')]);
    expect(ids(creatorCap({ maxPerCreator: 1 }).rerank(items, { n: 4 }))).toEqual(['a1', 'b1', 'a2', 'a3', 'a4']);
  });

  it('never drops a video, keeps each creator’s order and holds the cap when creators suffice', () => {
    const rows = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 40 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 20 }), (creators, maxPerCreator, n) => {
        const items = stream(creators.map((creator, i) => ({ id: `v${i}`, creator })));
        const out = creatorCap({ maxPerCreator }).rerank(items, { n });
        expect([...ids(out)].sort()).toEqual([...ids(items)].sort());
        for (const creator of new Set(creators)) {
          const order = (list: Candidate[]) => ids(list.filter((c) => c.creator_id === creator));
          expect(order(out)).toEqual(order(items));
        }
        const capacity = [...countBy(items).values()].reduce((sum, k) => sum + Math.min(k, maxPerCreator), 0);
        if (capacity >= Math.min(n, items.length)) {
          for (const k of countBy(out.slice(0, n)).values()) expect(k).toBeLessThanOrEqual(maxPerCreator);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('rejects a cap below 1 or not whole when built', () => {
    expect(() => creatorCap({ maxPerCreator: 0 })).toThrow(RerankConfigError);
    expect(() => creatorCap({ maxPerCreator: 1.5 })).toThrow(/integer/);
  });
});

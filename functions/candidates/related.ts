// Related videos ("Up Next") for every video: its nearest neighbours in each item index (co-engagement
// from ALS, content and behaviour from the two-tower), fused by rank, the video itself left out.
import type { Vectors } from '../embeddings/vectors-file.js';
import { mergeSources } from './merge.js';
import type { Scored } from './types.js';
import type { VectorSearch } from './ann-source.js';

export type ItemIndex = { set: { search: VectorSearch }; v: Vectors };
const BATCH = 1024;

export function relatedLists(videoIds: string[], indexes: ItemIndex[], size: number): Map<string, Scored[]> {
  const found = new Map<string, Scored[][]>(videoIds.map((id) => [id, []]));
  for (const { set, v } of indexes) {
    for (let b = 0; b < v.ids.length; b += BATCH) {
      const n = Math.min(BATCH, v.ids.length - b);
      const hits = set.search(v.data.slice(b * v.dims, (b + n) * v.dims), size + 1);
      hits.forEach((h, i) => found.get(v.ids[b + i]!)?.push(h));
    }
  }
  const out = new Map<string, Scored[]>();
  for (const [id, lists] of found) {
    if (lists.length === 0) continue;
    const { kept } = mergeSources(
      lists.map((items) => ({ source: 'item2item' as const, items })),
      { weights: {}, exclude: (x) => x === id, limit: size },
    );
    out.set(id, kept.map((k) => ({ id: k.id, score: k.score })));
  }
  return out;
}

import { exactSearch, MetricKind } from 'usearch';
import { describe, expect, it } from 'vitest';
import { bruteForceTopK } from './brute-force.testutil.js';
import { clusteredVectors } from './clustered-vectors.js';
import { contiguous, searchExact } from './hnsw-index.js';

const dims = 16;
const { vectors } = clusteredVectors({ n: 1005, dims, clusters: 8, spread: 0.6, seed: 7 });
// A view that starts 5 rows into the buffer, the shape a caller gets from subarray().
const view = vectors.subarray(5 * dims);
const queries = vectors.slice(100 * dims, 170 * dims); // 70 queries: crosses the exact-search batch size

describe('searchExact', () => {
  it('answers like a JS brute force on a subarray view (byteOffset handled)', () => {
    const found = searchExact(view, vectors.subarray(100 * dims, 170 * dims), dims, 10, 'ip');
    expect(found).toHaveLength(70);
    found.forEach((n, q) => {
      const truth = bruteForceTopK(view, dims, queries.subarray(q * dims, q * dims + dims), 10);
      expect(n.rows).toEqual(truth.map((t) => t.row));
      n.distances.forEach((d, j) => expect(1 - d).toBeCloseTo(truth[j]?.dot ?? Number.NaN, 4));
    });
  });

  it('the trap is real in this usearch: raw exactSearch on the view answers for the wrong rows', () => {
    const q = queries.slice(0, dims);
    const raw = exactSearch(view, q, dims, 1, MetricKind.IP);
    const truth = bruteForceTopK(view, dims, q, 1);
    // The raw call reads from the buffer start, so row r of the view comes back as r + 5.
    expect(Number(raw.keys[0])).toBe((truth[0]?.row ?? -1) + 5);
  });

  it('contiguous copies only views', () => {
    expect(contiguous(vectors)).toBe(vectors);
    const copy = contiguous(view);
    expect(copy).not.toBe(view);
    expect(copy.byteOffset).toBe(0);
    expect(Array.from(copy.subarray(0, dims))).toEqual(Array.from(view.subarray(0, dims)));
  });
});

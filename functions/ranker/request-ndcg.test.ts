import { describe, expect, it } from 'vitest';
import { DENSE_DIM, ID_SLOT_COUNT } from '../../models/features/spec.js';
import { datasetBuilder } from './dataset.js';
import { gain, requestNdcg } from './request-ndcg.js';

const H = 3_600_000;
function rows(spec: { user: number; hour: number; labels: Partial<Record<'click' | 'like' | 'finish' | 'dislike', number>> }[]) {
  const b = datasetBuilder();
  spec.forEach((s, i) =>
    b.push({
      dense: new Float32Array(DENSE_DIM),
      ids: new Int32Array(ID_SLOT_COUNT).fill(s.user),
      position: 0,
      ts: s.hour * H + i,
      user_id: 'u',
      video_id: 'v',
      labels: { click: 0, watch: 0, like: 0, finish: 0, dislike: 0, ...s.labels },
    }),
  );
  return b.build();
}

describe('request NDCG', () => {
  const d = rows([
    { user: 1, hour: 0, labels: {} },
    { user: 1, hour: 0, labels: { click: 1, like: 1 } },
    { user: 1, hour: 0, labels: { click: 1, dislike: 1, like: 1 } },
    { user: 2, hour: 0, labels: { click: 1 } }, // alone in its request: skipped
    { user: 1, hour: 5, labels: {} },
    { user: 1, hour: 5, labels: {} }, // no positive gain: skipped
  ]);
  it('grades like > finish > click and zeroes dislikes', () => {
    expect([0, 1, 2, 3].map((i) => gain(d, i))).toEqual([0, 3, 0, 1]);
  });
  it('is 1 for the ideal order and lower for a worse one, over qualifying requests only', () => {
    expect(requestNdcg(d, (i) => (i === 1 ? 1 : 0))).toEqual({ requests: 1, ndcg: 1 });
    const worst = requestNdcg(d, (i) => -i);
    expect(worst.requests).toBe(1);
    // the liked row lands second: (2^3 − 1)/log2(3) over the ideal (2^3 − 1)/log2(2)
    expect(worst.ndcg).toBeCloseTo(1 / Math.log2(3), 10);
  });
});

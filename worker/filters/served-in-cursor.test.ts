import { expect, it } from 'vitest';
import { servedHash } from '../routes/cursor.js';
import { cand } from '../test/candidates.js';
import { servedInCursor } from './served-in-cursor.js';

it('removes every video an earlier page served, keeping the order of the rest', () => {
  const stream = [0, 1, 2, 3, 5, 8].map((rank) => cand(`v${rank}`, rank));
  const served = new Set(['v1', 'v5', 'elsewhere'].map(servedHash));
  const { kept, removed } = servedInCursor().filter(stream, { n: 2, served });
  expect(kept.map((c) => c.video_id)).toEqual(['v0', 'v2', 'v3', 'v8']);
  expect(removed.map((c) => c.video_id)).toEqual(['v1', 'v5']);
  expect(servedInCursor().filter(stream, { n: 2, served: new Set() }).removed).toEqual([]);
});

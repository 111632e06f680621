// The scoring thread gives the exported model's predictions whichever engine runs it.
import { afterAll, describe, expect, it } from 'vitest';
import { exportMmoe } from '../../models/ranker/export-onnx.js';
import { mmoeForward } from '../../models/ranker/forward.js';
import { randomMmoeWeights } from '../../models/ranker/random-weights.js';
import { seededInputs } from '../../models/ranker/fixtures.js';
import { rankerConfig } from './prepare.js';
import { startOrtThread, type OrtThread } from './ort-thread.js';
import { encodeMmoeWeights } from './weights-file.js';

const weights = randomMmoeWeights(rankerConfig(), 9);
const onnx = exportMmoe(weights, { featureSpecVersion: 'test', modelVersion: 't' });
const threads: OrtThread[] = [];
afterAll(() => Promise.all(threads.map((t) => t.close())));

describe('scoring thread', () => {
  it('scores rows on another thread, ONNX and training-core kernels alike, as the TS forward pass does', async () => {
    const batch = 300;
    const input = seededInputs(weights.config, batch, 4);
    const expected = mmoeForward(weights, input).preds;
    for (const w of [undefined, encodeMmoeWeights(weights)]) {
      const thread = await startOrtThread(onnx, w);
      threads.push(thread);
      const { preds } = await thread.run({ dense: input.dense.slice(), ids: Int32Array.from(input.ids, Number), batch });
      expect(preds.length).toBe(expected.length);
      let max = 0;
      for (let i = 0; i < preds.length; i++) max = Math.max(max, Math.abs(preds[i]! - expected[i]!));
      expect(max).toBeLessThan(1e-4);
    }
  });
});

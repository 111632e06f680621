// A hand-set two-expert MMoE whose outputs can be worked out on paper (see forward.test.ts), so the
// reference forward pass and the export are checked against arithmetic, not only against each other.
import type { Dense, MmoeWeights } from './mmoe-weights.js';

const dense = (inDim: number, outDim: number, W: number[], b: number[]): Dense => ({
  inDim,
  outDim,
  W: Float32Array.from(W),
  b: Float32Array.from(b),
});

/**
 * x = [d, video[id]], video = [0.5, -1]; expert0 = relu(d), expert1 = relu(video[id]);
 * click gate softmax([0, ln 3]) = [1/4, 3/4], watch gate = [1/2, 1/2];
 * click = sigmoid(2·mix − 1), watch = mix (identity).
 */
export const HAND_WEIGHTS: MmoeWeights = {
  config: {
    denseDim: 1,
    embeddings: [{ name: 'video', buckets: 2, dim: 1 }],
    numExperts: 2,
    expertHidden: [1],
    towerHidden: [],
    tasks: ['click', 'watch'],
  },
  embeddings: [{ name: 'video', buckets: 2, dim: 1, table: Float32Array.from([0.5, -1]) }],
  experts: [[dense(2, 1, [1, 0], [0])], [dense(2, 1, [0, 1], [0])]],
  gates: [dense(2, 2, [0, 0, 0, 0], [0, Math.log(3)]), dense(2, 2, [0, 0, 0, 0], [0, 0])],
  towers: [[dense(1, 1, [2], [-1])], [dense(1, 1, [1], [0])]],
};

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Rows (d=2, id=0) and (d=−1, id=1) and their outputs worked out by hand. */
export const HAND_INPUT = { dense: Float32Array.from([2, -1]), ids: Int32Array.from([0, 1]), batch: 2 };
export const HAND_EXPECTED = {
  // row 0: experts [2, 0.5]; click mix 0.25·2 + 0.75·0.5 = 0.875 → sigmoid(0.75); watch mix 1.25
  // row 1: experts [0, 0] (relu(−1) = 0 twice) → click sigmoid(−1), watch 0
  preds: [sigmoid(0.75), 1.25, sigmoid(-1), 0],
  gates: [0.25, 0.75, 0.5, 0.5, 0.25, 0.75, 0.5, 0.5],
};

// The MMoE ranker's shape and weight layout: the one contract between the trainer (models/train),
// the reference forward pass and the ONNX exporter. All matrices are row-major [in][out] Float32Arrays.
import { TASKS } from '../candidates.js';

export { TASKS };
export type Task = (typeof TASKS)[number];
/** How each head's raw output becomes a prediction: probabilities, except E[log(1+watch_time_sec)]. */
export const TASK_OUTPUT: Record<Task, 'sigmoid' | 'identity'> = {
  click: 'sigmoid',
  watch: 'identity',
  like: 'sigmoid',
  finish: 'sigmoid',
  dislike: 'sigmoid',
};

export type Dense = { inDim: number; outDim: number; W: Float32Array; b: Float32Array };

/** A hashed-id embedding table: row = hash(id) mod buckets. */
export type Embedding = { name: string; buckets: number; dim: number; table: Float32Array };

export type MmoeConfig = {
  /** Width of the dense (already normalised) feature vector. */
  denseDim: number;
  /** One table per id slot, looked up and concatenated after the dense features. */
  embeddings: { name: string; buckets: number; dim: number }[];
  numExperts: number;
  /** Hidden widths of each expert MLP (ReLU after every layer), e.g. [64, 64]. */
  expertHidden: number[];
  /** Hidden widths of each task tower before its single output, e.g. [32]. */
  towerHidden: number[];
  tasks: readonly Task[];
};

/**
 * x = concat(dense, emb_0[ids[0]], emb_1[ids[1]], ...)      width = denseDim + Σ dim
 * expert_e(x) = relu(... relu(x W_e1 + b_e1) ...)            width = expertHidden.at(-1)
 * gate_t(x) = softmax(x G_t + g_t)                           width = numExperts
 * mix_t = Σ_e gate_t[e] · expert_e(x)
 * raw_t = tower_t(mix_t) (ReLU hidden layers, linear output of width 1); out_t = TASK_OUTPUT[t](raw_t)
 */
export type MmoeWeights = {
  config: MmoeConfig;
  embeddings: Embedding[];
  experts: Dense[][];
  gates: Dense[];
  towers: Dense[][];
};

export const inputWidth = (c: MmoeConfig) => c.denseDim + c.embeddings.reduce((s, e) => s + e.dim, 0);

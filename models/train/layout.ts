// The memory layout of a training run. Main thread and workers each call `planLayout` on the same
// shared memory with the same inputs and so get identical views; slot 0 is the main thread's, slot k
// (1..workers) is worker k's private region (gradients, activations, transpose scratch).
import type { MmoeConfig } from '../ranker/mmoe-weights.js';
import { createArena, measure, type Arena } from './arena.js';
import { allocActivations, type Activations } from './mmoe-pass.js';
import { denseParamCount, denseViews, tableOffsets, tableViews, type MmoeDense } from './mmoe-params.js';

export type LayoutInput = { config: MmoeConfig; workers: number; batchSize: number };

export type Slot = { maxRows: number; gradFlat: Float32Array; grads: MmoeDense; scratch: Float32Array; act: Activations };

export type Layout = {
  paramFlat: Float32Array;
  params: MmoeDense;
  tableFlat: Float32Array;
  tables: Float32Array[];
  adam: { m: Float32Array; v: Float32Array; tm: Float32Array; tv: Float32Array };
  batchIdx: Int32Array;
  slots: Slot[];
};

/** Rows a worker handles at most: the batch split evenly, the last shard possibly shorter. */
export const shardRows = (batchSize: number, workers: number) => Math.ceil(batchSize / Math.max(workers, 1));

export function planLayout(a: Arena, { config: c, workers, batchSize }: LayoutInput): Layout {
  const P = denseParamCount(c), T = tableOffsets(c).at(-1)!;
  const paramFlat = a.f32(P), tableFlat = a.f32(T);
  const adam = { m: a.f32(P), v: a.f32(P), tm: a.f32(T), tv: a.f32(T) };
  const batchIdx = a.i32(batchSize);
  const params = denseViews(c, paramFlat);
  const scratchFloats = Math.max(...Object.values(params).flat(2).map((d) => d.inDim * d.outDim));
  const slots = Array.from({ length: workers + 1 }, (_, k): Slot => {
    const maxRows = k === 0 ? batchSize : shardRows(batchSize, workers);
    const gradFlat = a.f32(P);
    return { maxRows, gradFlat, grads: denseViews(c, gradFlat), scratch: a.f32(scratchFloats), act: allocActivations(a, c, maxRows) };
  });
  return { paramFlat, params, tableFlat, tables: tableViews(c, tableFlat), adam, batchIdx, slots };
}

export const layoutBytes = (input: LayoutInput) => measure((a) => planLayout(a, input));

export const layoutOn = (buffer: ArrayBufferLike, input: LayoutInput) => planLayout(createArena(buffer), input);

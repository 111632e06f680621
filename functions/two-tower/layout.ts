// Every buffer of a training run carved from one arena, so the WASM kernels (which address a single
// linear memory) can run on all of them; sized by replaying the same plan on a counting arena.
import { createArena, createSharedMemory, measure, type Arena, type SharedMemory } from '../../models/train/arena.js';
import type { TwoTowerShape } from './config.js';
import { denseParamCount, denseViews, tableParamCount, tableViews, type Tables, type TowerDense } from './params.js';
import { allocActs, type PassActs } from './pass.js';

export type TrainLayout = {
  paramFlat: Float32Array; params: TowerDense; gradFlat: Float32Array; grads: TowerDense;
  tableFlat: Float32Array; tables: Tables;
  adam: { m: Float32Array; v: Float32Array; tm: Float32Array; tv: Float32Array };
  scratch: Float32Array; act: PassActs;
};

function plan(a: Arena, s: TwoTowerShape, batchSize: number): TrainLayout {
  const P = denseParamCount(s), T = tableParamCount(s);
  const paramFlat = a.f32(P), gradFlat = a.f32(P), tableFlat = a.f32(T);
  const adam = { m: a.f32(P), v: a.f32(P), tm: a.f32(T), tv: a.f32(T) };
  const params = denseViews(s, paramFlat);
  // The WASM backend transposes the right operand of dY·Wᵀ here: the largest weight, or the batch's item vectors.
  const largest = Math.max(batchSize * s.dims, ...[...params.user, ...params.item].map((d) => d.inDim * d.outDim));
  return {
    paramFlat, params, gradFlat, grads: denseViews(s, gradFlat), tableFlat, tables: tableViews(s, tableFlat), adam,
    scratch: a.f32(largest), act: allocActs(a, s, batchSize),
  };
}

/** The run's memory (a WebAssembly.Memory when `wasm`) and the layout on it. */
export function trainLayout(s: TwoTowerShape, batchSize: number, wasm: boolean): { memory: SharedMemory; layout: TrainLayout } {
  const memory = createSharedMemory(measure((a) => plan(a, s, batchSize)), wasm);
  return { memory, layout: plan(createArena(memory.buffer), s, batchSize) };
}

/** Activations only, on a plain buffer: for serving with the TS kernels. */
export function inferenceActs(s: TwoTowerShape, maxRows: number): PassActs {
  const bytes = measure((a) => allocActs(a, s, maxRows));
  return allocActs(createArena(new ArrayBuffer(bytes)), s, maxRows);
}

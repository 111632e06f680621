// One tower's MLP on an already gathered input: Linear → ReLU → Linear → L2 norm, with its backward
// down to the input gradient (which the embedding gathers scatter into their tables).
import type { Arena } from '../../models/train/arena.js';
import type { Kernels } from '../../models/train/backend.js';
import { denseBackward, denseForward, type Dense } from '../../models/train/dense.js';
import { l2normBackward, l2normForward } from './l2norm.js';

export type TowerActs = ReturnType<typeof allocTower>;

export function allocTower(a: Arena, inDim: number, hidden: number, dims: number, maxRows: number) {
  return {
    x: a.f32(maxRows * inDim), dx: a.f32(maxRows * inDim),
    h: a.f32(maxRows * hidden), dh: a.f32(maxRows * hidden),
    z: a.f32(maxRows * dims), dz: a.f32(maxRows * dims),
    out: a.f32(maxRows * dims), dOut: a.f32(maxRows * dims), norms: a.f32(maxRows),
  };
}

/** act.out = normalised tower output for `rows` rows of act.x. */
export function towerForward(be: Kernels, layers: Dense[], act: TowerActs, rows: number) {
  const [l0, l1] = layers as [Dense, Dense];
  denseForward(be, l0, act.x, act.h, rows);
  be.relu(act.h, act.h, rows * l0.outDim);
  denseForward(be, l1, act.h, act.z, rows);
  l2normForward(act.z, act.out, act.norms, rows, l1.outDim);
}

/** From act.dOut: layer gradients into `grads` (overwriting), input gradient into act.dx. */
export function towerBackward(be: Kernels, layers: Dense[], grads: Dense[], act: TowerActs, rows: number) {
  const [l0, l1] = layers as [Dense, Dense];
  l2normBackward(act.out, act.norms, act.dOut, act.dz, rows, l1.outDim);
  denseBackward(be, l1, grads[1]!, act.h, act.dz, act.dh, rows);
  be.reluBackward(act.h, act.dh, act.dh, rows * l0.outDim);
  denseBackward(be, l0, grads[0]!, act.x, act.dh, act.dx, rows);
}

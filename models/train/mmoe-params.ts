// The MMoE's parameters as views over flat buffers: one flat Float32Array for every dense weight
// (so gradients reduce and Adam runs in one loop) and one per embedding table. Same order as MmoeWeights.
import { inputWidth, type Dense, type MmoeConfig, type MmoeWeights } from '../ranker/mmoe-weights.js';
import { ShapeError } from './errors.js';
import type { Rng } from './rng.js';

export type MmoeDense = { experts: Dense[][]; gates: Dense[]; towers: Dense[][] };

const expertShapes = (c: MmoeConfig) => {
  const dims = [inputWidth(c), ...c.expertHidden];
  return dims.slice(1).map((out, l) => [dims[l]!, out] as const);
};
const towerShapes = (c: MmoeConfig) => {
  const dims = [c.expertHidden.at(-1)!, ...c.towerHidden, 1];
  return dims.slice(1).map((out, l) => [dims[l]!, out] as const);
};

/** Number of floats of the flat dense-parameter buffer. */
export function denseParamCount(c: MmoeConfig): number {
  const size = (s: readonly (readonly [number, number])[]) => s.reduce((n, [i, o]) => n + i * o + o, 0);
  return c.numExperts * size(expertShapes(c)) + c.tasks.length * (size(towerShapes(c)) + inputWidth(c) * c.numExperts + c.numExperts);
}

/** Views of every Dense inside `flat` (parameters or their gradients: same layout). */
export function denseViews(c: MmoeConfig, flat: Float32Array): MmoeDense {
  if (flat.length !== denseParamCount(c)) throw new ShapeError(`flat buffer has ${flat.length} floats, need ${denseParamCount(c)}`);
  let at = 0;
  const take = (n: number) => flat.subarray(at, (at += n));
  const dense = ([inDim, outDim]: readonly [number, number]): Dense => ({ inDim, outDim, W: take(inDim * outDim), b: take(outDim) });
  const experts = Array.from({ length: c.numExperts }, () => expertShapes(c).map(dense));
  const gates = c.tasks.map(() => dense([inputWidth(c), c.numExperts]));
  const towers = c.tasks.map(() => towerShapes(c).map(dense));
  return { experts, gates, towers };
}

/** Offsets of each table inside the flat table buffer. */
export const tableOffsets = (c: MmoeConfig) => c.embeddings.reduce<number[]>((o, e, i) => [...o, o[i]! + e.buckets * e.dim], [0]);

export function tableViews(c: MmoeConfig, flat: Float32Array): Float32Array[] {
  const o = tableOffsets(c);
  return c.embeddings.map((_, i) => flat.subarray(o[i]!, o[i + 1]!));
}

/** He-normal weights for ReLU layers, LeCun-normal for gates and heads, zero biases, small embeddings. */
export function initParams(c: MmoeConfig, d: MmoeDense, tables: Float32Array[], rng: Rng) {
  const fill = (p: Dense, gain: number) => {
    const s = Math.sqrt(gain / p.inDim);
    for (let i = 0; i < p.W.length; i++) p.W[i] = rng.normal() * s;
    p.b.fill(0);
  };
  d.experts.flat().forEach((p) => fill(p, 2));
  d.gates.forEach((p) => fill(p, 1));
  d.towers.forEach((t) => t.forEach((p, l) => fill(p, l === t.length - 1 ? 1 : 2)));
  for (const t of tables) for (let i = 0; i < t.length; i++) t[i] = rng.normal() * 0.05;
}

const copyDense = (p: Dense): Dense => ({ inDim: p.inDim, outDim: p.outDim, W: p.W.slice(), b: p.b.slice() });

export function exportWeights(c: MmoeConfig, d: MmoeDense, tables: Float32Array[]): MmoeWeights {
  return {
    config: structuredClone({ ...c, tasks: [...c.tasks] }),
    embeddings: c.embeddings.map((e, i) => ({ ...e, table: tables[i]!.slice() })),
    experts: d.experts.map((l) => l.map(copyDense)),
    gates: d.gates.map(copyDense),
    towers: d.towers.map((l) => l.map(copyDense)),
  };
}

/** Copies `w` into the views, checking every shape against the trainer's config. */
export function importWeights(d: MmoeDense, tables: Float32Array[], w: MmoeWeights) {
  const put = (to: Dense, from: Dense | undefined, name: string) => {
    if (!from || from.inDim !== to.inDim || from.outDim !== to.outDim || from.W.length !== to.W.length || from.b.length !== to.b.length)
      throw new ShapeError(`${name}: expected ${to.inDim}×${to.outDim}`);
    to.W.set(from.W);
    to.b.set(from.b);
  };
  d.experts.forEach((l, e) => l.forEach((p, i) => put(p, w.experts[e]?.[i], `expert ${e} layer ${i}`)));
  d.gates.forEach((p, t) => put(p, w.gates[t], `gate ${t}`));
  d.towers.forEach((l, t) => l.forEach((p, i) => put(p, w.towers[t]?.[i], `tower ${t} layer ${i}`)));
  tables.forEach((t, i) => {
    const from = w.embeddings[i]?.table;
    if (!from || from.length !== t.length) throw new ShapeError(`embedding ${i}: expected ${t.length} floats`);
    t.set(from);
  });
}

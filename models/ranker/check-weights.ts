// Validates MmoeWeights against their config before they are run or exported, so a trainer bug shows
// up as a named error here rather than as garbage scores or an opaque runtime shape failure.
import { WeightShapeError } from './errors.js';
import { type Dense, inputWidth, type MmoeWeights } from './mmoe-weights.js';

function checkDense(where: string, d: Dense | undefined, inDim: number, outDim: number): void {
  if (!d) throw new WeightShapeError(where, 'missing layer');
  if (d.inDim !== inDim || d.outDim !== outDim)
    throw new WeightShapeError(where, `is ${d.inDim}×${d.outDim}, expected ${inDim}×${outDim}`);
  if (d.W.length !== inDim * outDim) throw new WeightShapeError(where, `W has ${d.W.length} values, expected ${inDim * outDim}`);
  if (d.b.length !== outDim) throw new WeightShapeError(where, `b has ${d.b.length} values, expected ${outDim}`);
}

function checkChain(where: string, layers: Dense[] | undefined, inDim: number, widths: readonly number[]): void {
  if (!layers || layers.length !== widths.length)
    throw new WeightShapeError(where, `has ${layers?.length ?? 0} layers, expected ${widths.length}`);
  let prev = inDim;
  widths.forEach((w, l) => {
    checkDense(`${where}[${l}]`, layers[l], prev, w);
    prev = w;
  });
}

export function checkMmoeWeights(w: MmoeWeights): void {
  const c = w.config;
  const inW = inputWidth(c);
  if (c.expertHidden.length === 0) throw new WeightShapeError('config', 'experts need at least one hidden layer');
  if (w.embeddings.length !== c.embeddings.length) throw new WeightShapeError('embeddings', 'count differs from config');
  c.embeddings.forEach((spec, s) => {
    const e = w.embeddings[s]!;
    if (e.name !== spec.name || e.dim !== spec.dim || e.buckets !== spec.buckets || e.table.length !== spec.buckets * spec.dim)
      throw new WeightShapeError(`embeddings[${s}]`, `does not match config slot "${spec.name}"`);
  });
  if (w.experts.length !== c.numExperts) throw new WeightShapeError('experts', `${w.experts.length} ≠ numExperts ${c.numExperts}`);
  w.experts.forEach((layers, e) => checkChain(`experts[${e}]`, layers, inW, c.expertHidden));
  if (w.gates.length !== c.tasks.length || w.towers.length !== c.tasks.length)
    throw new WeightShapeError('gates/towers', `expected one per task (${c.tasks.length})`);
  w.gates.forEach((g, t) => checkDense(`gates[${t}]`, g, inW, c.numExperts));
  const expertOut = c.expertHidden.at(-1)!;
  w.towers.forEach((layers, t) => checkChain(`towers[${t}]`, layers, expertOut, [...c.towerHidden, 1]));
}

// The light ranker's parameters: an MLP over LIGHT_DIM inputs, ReLU between layers, one logit out
// (logistic regression when there is a single layer). Row-major [in][out], as the MMoE's Dense.
import type { Dense } from '../ranker/mmoe-weights.js';
import { LightLayoutMismatchError } from './errors.js';
import { LIGHT_DIM, LIGHT_LAYOUT_VERSION } from './layout.js';

export type { Dense };
export type LightWeights = { layout: string; layers: Dense[] };

/** Widths of the hidden layers; [] is logistic regression. */
export const DEFAULT_LIGHT_HIDDEN = [16];

export function checkLightWeights(w: LightWeights): void {
  if (w.layout !== LIGHT_LAYOUT_VERSION) throw new LightLayoutMismatchError(LIGHT_LAYOUT_VERSION, w.layout);
  let width = LIGHT_DIM;
  for (const [i, d] of w.layers.entries()) {
    if (d.inDim !== width || d.W.length !== d.inDim * d.outDim || d.b.length !== d.outDim) {
      throw new LightLayoutMismatchError(`layer ${i} [${width}×${d.outDim}]`, `[${d.inDim}×${d.outDim}] W=${d.W.length} b=${d.b.length}`);
    }
    width = d.outDim;
  }
  if (width !== 1 || w.layers.length === 0) throw new LightLayoutMismatchError('one output logit', `width ${width}`);
}

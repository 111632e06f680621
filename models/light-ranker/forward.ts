// Reference forward pass in plain TypeScript (no runtime): the ONNX export is checked against it.
import { sigmoid } from '../calibration/logit.js';
import { checkLightWeights, type LightWeights } from './weights.js';

/** x is [batch × LIGHT_DIM] row-major; returns P(click) per row. */
export function lightForward(w: LightWeights, x: Float32Array, batch: number): Float32Array {
  checkLightWeights(w);
  let h = x;
  w.layers.forEach((d, l) => {
    const y = new Float32Array(batch * d.outDim);
    const last = l === w.layers.length - 1;
    for (let i = 0; i < batch; i++) {
      for (let j = 0; j < d.outDim; j++) {
        let s = d.b[j]!;
        for (let k = 0; k < d.inDim; k++) s += h[i * d.inDim + k]! * d.W[k * d.outDim + j]!;
        y[i * d.outDim + j] = last ? s : Math.max(0, s);
      }
    }
    h = y;
  });
  return h.map(sigmoid);
}

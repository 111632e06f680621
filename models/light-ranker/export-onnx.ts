// LightWeights → ONNX bytes: x float32 [batch, LIGHT_DIM] → score float32 [batch, 1] (P(click)).
// The layout version and column names travel in the metadata so the edge can refuse a mismatch.
import { createGraph } from '../onnx/graph.js';
import { encodeModel, ONNX_OPSET } from '../onnx/model.js';
import { linear, relu, sigmoid } from '../onnx/ops.js';
import { LIGHT_COLUMNS, LIGHT_DIM } from './layout.js';
import { checkLightWeights, type LightWeights } from './weights.js';

export const LIGHT_INPUT = 'x';
export const LIGHT_OUTPUT = 'score';
export const LIGHT_LAYOUT_META_KEY = 'edgefeed.light_layout_version';

export function exportLight(w: LightWeights, meta: { modelVersion?: string; extra?: Record<string, string> } = {}): Uint8Array {
  checkLightWeights(w);
  const g = createGraph('light_ranker');
  let h = g.input(LIGHT_INPUT, 'float32', ['batch', LIGHT_DIM]);
  w.layers.forEach((d, l) => {
    const W = g.initializer(`layer${l}.W`, d.W, [d.inDim, d.outDim]);
    const b = g.initializer(`layer${l}.b`, d.b, [d.outDim]);
    const y = linear(g, h, W, b);
    h = l < w.layers.length - 1 ? relu(g, y) : y;
  });
  g.op1('Identity', [sigmoid(g, h)], {}, LIGHT_OUTPUT);
  g.output(LIGHT_OUTPUT, 'float32', ['batch', 1]);
  return encodeModel(g, {
    producerVersion: meta.modelVersion ?? '',
    metadata: {
      ...meta.extra,
      'edgefeed.model': 'light-ranker',
      [LIGHT_LAYOUT_META_KEY]: w.layout,
      'edgefeed.light_columns': LIGHT_COLUMNS.join(','),
      'edgefeed.inputs': `${LIGHT_INPUT}:float32[batch,${LIGHT_DIM}]`,
      'edgefeed.opset': String(ONNX_OPSET),
    },
  });
}

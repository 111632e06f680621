import { describe, expect, it } from 'vitest';
import { createOrtSession, floatTensor, int64Tensor, runFloat } from '../ranker/ort-node.js';
import { DuplicateTensorNameError, OnnxGraphError, TensorShapeError, UnknownTensorError } from './errors.js';
import { createGraph } from './graph.js';
import { decodeModel, encodeModel, modelMetadata } from './model.js';
import { add, concat, gather, linear, mul, reduceSum, reshape, softmax, split, squeeze, unsqueeze, where } from './ops.js';
import { int64s } from './tensor.js';

describe('ONNX graph builder', () => {
  it('a MatMul + Add graph runs in onnxruntime-web and matches the arithmetic', async () => {
    const g = createGraph('affine');
    const x = g.input('x', 'float32', ['batch', 3]);
    const W = g.initializer('W', Float32Array.from([1, 2, 3, 4, 5, 6]), [3, 2]); // row-major [in][out]
    const b = g.initializer('b', Float32Array.from([0.5, -1]), [2]);
    g.op1('Identity', [linear(g, x, W, b)], {}, 'y');
    g.output('y', 'float32', ['batch', 2]);
    const bytes = encodeModel(g, { metadata: { 'edgefeed.feature_spec_version': 'v7' } });

    const model = decodeModel(bytes);
    expect([model.producerName, Number(model.irVersion), Number(model.opsetImport[0]!.version)]).toEqual(['edgefeed', 8, 13]);
    expect(modelMetadata(model)).toEqual({ 'edgefeed.feature_spec_version': 'v7' });

    const session = await createOrtSession(bytes);
    const { y } = await runFloat(session, { x: floatTensor(Float32Array.from([1, 0, 0, 1, 1, 1]), [2, 3]) });
    // [1,0,0]·W + b = [1.5, 1]; [1,1,1]·W + b = [9.5, 11]
    expect([...y!]).toEqual([1.5, 1, 9.5, 11]);
    await session.release();
  });

  it('opset-13 helper signatures (axes/split as inputs, Softmax axis, Gather, Where) run as intended', async () => {
    const g = createGraph('ops');
    const x = g.input('x', 'float32', [2, 4]);
    const idx = g.input('idx', 'int64', [3]);
    const [left, right] = split(g, x, [1, 3], 1); // [2,1], [2,3]
    const sums = reduceSum(g, right!, [1]); // [2]
    const row = squeeze(g, unsqueeze(g, sums, [0]), [0]); // round trip → [2]
    const picked = gather(g, x, idx, 1); // columns idx → [2,3]
    const scaled = mul(g, picked, g.constant(Float32Array.from([2]), [1]));
    const flat = reshape(g, concat(g, [left!, scaled], 1), [-1]); // [8]
    const mask = g.constant(Uint8Array.from([1, 0]), [2]);
    g.op1('Identity', [where(g, mask, row, add(g, row, row))], {}, 'w');
    g.op1('Identity', [flat], {}, 'flat');
    g.op1('Identity', [softmax(g, x, -1)], {}, 'p');
    ['w', 'flat', 'p'].forEach((o) => g.output(o, 'float32', o === 'w' ? [2] : o === 'flat' ? [8] : [2, 4]));

    const session = await createOrtSession(encodeModel(g));
    const out = await runFloat(session, {
      x: floatTensor(Float32Array.from([1, 2, 3, 4, 0, 0, 0, Math.log(5)]), [2, 4]),
      idx: int64Tensor(int64s([3, 0, 3]), [3]),
    });
    const ln5 = Math.fround(Math.log(5));
    expect(out.w![0]).toBeCloseTo(9, 5); // mask 1: row sum 2+3+4
    expect(out.w![1]).toBeCloseTo(2 * ln5, 5); // mask 0: doubled
    expect([...out.flat!].map((v) => +v.toFixed(5))).toEqual([1, 8, 2, 8, 0, +(2 * ln5).toFixed(5), 0, +(2 * ln5).toFixed(5)]);
    expect([...out.p!.subarray(4)].map((v) => +v.toFixed(5))).toEqual([0.125, 0.125, 0.125, 0.625]);
    await session.release();
  });

  it('rejects undefined reads, duplicate names, mis-sized tensors, fractional INT attributes', () => {
    const g = createGraph('bad');
    const x = g.input('x', 'float32', [1]);
    expect(() => g.op1('Relu', ['nope'])).toThrow(UnknownTensorError);
    expect(() => g.input('x', 'float32', [1])).toThrow(DuplicateTensorNameError);
    expect(() => g.initializer('w', new Float32Array(3), [2, 2])).toThrow(TensorShapeError);
    expect(() => g.op1('Softmax', [x], { axis: 0.5 })).toThrow(OnnxGraphError);
    expect(() => g.output('missing', 'float32', [1])).toThrow(UnknownTensorError);
    expect(() => g.build()).toThrow(/no outputs/);
  });
});

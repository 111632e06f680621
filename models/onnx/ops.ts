// Thin, typed helpers for the ONNX ops the exporters use (opset 13 signatures: Unsqueeze/Squeeze take
// axes as an input tensor, Softmax normalises along one axis). Anything else goes through graph.op.
import type { Graph } from './graph.js';
import { int64s } from './tensor.js';

export const matMul = (g: Graph, a: string, b: string) => g.op1('MatMul', [a, b]);
export const add = (g: Graph, a: string, b: string) => g.op1('Add', [a, b]);
export const mul = (g: Graph, a: string, b: string) => g.op1('Mul', [a, b]);
export const relu = (g: Graph, x: string) => g.op1('Relu', [x]);
export const sigmoid = (g: Graph, x: string) => g.op1('Sigmoid', [x]);
export const softmax = (g: Graph, x: string, axis = -1) => g.op1('Softmax', [x], { axis });
export const gather = (g: Graph, data: string, indices: string, axis = 0) => g.op1('Gather', [data, indices], { axis });
export const concat = (g: Graph, xs: readonly string[], axis: number) => g.op1('Concat', xs, { axis });
export const transpose = (g: Graph, x: string, perm: readonly number[]) => g.op1('Transpose', [x], { perm });
/** cond ? a : b, elementwise with broadcasting. */
export const where = (g: Graph, cond: string, a: string, b: string, out?: string) => g.op1('Where', [cond, a, b], {}, out);

/** Reshape to a static target; 0 copies the input dim, -1 is inferred (ONNX semantics). */
export const reshape = (g: Graph, x: string, shape: readonly number[]) =>
  g.op1('Reshape', [x, g.constant(int64s(shape), [shape.length], 'shape')]);
export const unsqueeze = (g: Graph, x: string, axes: readonly number[]) =>
  g.op1('Unsqueeze', [x, g.constant(int64s(axes), [axes.length], 'axes')]);
export const squeeze = (g: Graph, x: string, axes: readonly number[]) =>
  g.op1('Squeeze', [x, g.constant(int64s(axes), [axes.length], 'axes')]);
export const reduceSum = (g: Graph, x: string, axes: readonly number[], keepdims = 0) =>
  g.op1('ReduceSum', [x, g.constant(int64s(axes), [axes.length], 'axes')], { keepdims });
/** Split along `axis` into pieces of the given sizes (opset 13: sizes are an input). */
export const split = (g: Graph, x: string, sizes: readonly number[], axis: number) =>
  g.op('Split', [x, g.constant(int64s(sizes), [sizes.length], 'split')], { axis }, { outputs: sizes.length });

/** y = x W + b for a row-major [in][out] weight, the layout of models/ranker/mmoe-weights.ts. */
export function linear(g: Graph, x: string, W: string, b: string): string {
  return add(g, matMul(g, x, W), b);
}

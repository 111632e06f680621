// A small ONNX graph builder: every value gets a unique (SSA) name, every read is checked against what
// is already defined, so a wiring mistake fails at export time rather than inside the runtime.
import type { onnx } from 'onnx-proto';
import { DuplicateTensorNameError, OnnxGraphError, UnknownTensorError } from './errors.js';
import { DATA_TYPE, type DType, type TensorData, tensorProto } from './tensor.js';

/** A dimension: a fixed size, or a symbolic name such as 'batch'. */
export type Dim = number | string;
/** Plain numbers are INT / INTS attributes (axis, perm); floats must be asked for explicitly. */
export type AttrValue = number | readonly number[] | string | { float: number } | { floats: readonly number[] };
export type OpOptions = { outputs?: number | readonly string[]; name?: string };

const AttrType = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7 } as const;

function attribute(name: string, v: AttrValue): onnx.IAttributeProto {
  const int = (x: number) => {
    if (!Number.isInteger(x)) throw new OnnxGraphError(`attribute ${name}=${x} is not an integer; use { float }`);
    return x;
  };
  if (typeof v === 'number') return { name, type: AttrType.INT, i: int(v) };
  if (typeof v === 'string') return { name, type: AttrType.STRING, s: new TextEncoder().encode(v) };
  if ('float' in v) return { name, type: AttrType.FLOAT, f: v.float };
  if ('floats' in v) return { name, type: AttrType.FLOATS, floats: [...v.floats] };
  return { name, type: AttrType.INTS, ints: v.map(int) };
}

function valueInfo(name: string, dtype: DType, dims: readonly Dim[]): onnx.IValueInfoProto {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType: DATA_TYPE[dtype], shape: { dim } } } };
}

export type Graph = ReturnType<typeof createGraph>;

export function createGraph(graphName: string) {
  const defined = new Set<string>();
  const inputs: onnx.IValueInfoProto[] = [];
  const outputs: onnx.IValueInfoProto[] = [];
  const initializers: onnx.ITensorProto[] = [];
  const nodes: onnx.INodeProto[] = [];
  let counter = 0;

  const define = (name: string) => {
    if (defined.has(name)) throw new DuplicateTensorNameError(name);
    defined.add(name);
    return name;
  };
  const fresh = (hint: string) => {
    let name = `${hint}_${counter++}`;
    while (defined.has(name)) name = `${hint}_${counter++}`;
    return name;
  };

  /** Add a node; returns its output names (fresh ones unless given). */
  function op(opType: string, input: readonly string[], attrs: Record<string, AttrValue> = {}, opts: OpOptions = {}): string[] {
    for (const i of input) if (i !== '' && !defined.has(i)) throw new UnknownTensorError(i, opType);
    const outs = opts.outputs ?? 1;
    const output = typeof outs === 'number' ? Array.from({ length: outs }, () => fresh(opType.toLowerCase())) : [...outs];
    output.forEach(define);
    const attribute_ = Object.entries(attrs).map(([k, v]) => attribute(k, v));
    nodes.push({ opType, input: [...input], output, attribute: attribute_, name: opts.name ?? `${opType}_${nodes.length}` });
    return output;
  }

  return {
    name: graphName,
    input(name: string, dtype: DType, dims: readonly Dim[]): string {
      inputs.push(valueInfo(define(name), dtype, dims));
      return name;
    },
    /** A named weight (initializer); the name is kept verbatim so a model can be inspected. */
    initializer(name: string, data: TensorData, dims: readonly number[]): string {
      initializers.push(tensorProto(define(name), data, dims));
      return name;
    },
    /** An anonymous constant (shapes, axes, masks). */
    constant(data: TensorData, dims: readonly number[], hint = 'const'): string {
      const name = define(fresh(hint));
      initializers.push(tensorProto(name, data, dims));
      return name;
    },
    op,
    /** A node with exactly one output, named `out` if given. */
    op1(opType: string, input: readonly string[], attrs: Record<string, AttrValue> = {}, out?: string): string {
      return op(opType, input, attrs, out ? { outputs: [out] } : {})[0]!;
    },
    /** Declare a defined value as a graph output (its dtype and shape for the runtime). */
    output(name: string, dtype: DType, dims: readonly Dim[]): void {
      if (!defined.has(name)) throw new UnknownTensorError(name, 'graph output');
      outputs.push(valueInfo(name, dtype, dims));
    },
    build(): onnx.IGraphProto {
      if (outputs.length === 0) throw new OnnxGraphError(`graph ${graphName} has no outputs`);
      return { name: graphName, input: inputs, output: outputs, initializer: initializers, node: nodes };
    },
  };
}

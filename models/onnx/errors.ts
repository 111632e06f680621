// Errors raised while building an ONNX graph: always a bug in the exporter, so they throw loudly.
export class OnnxGraphError extends Error {
  override name = 'OnnxGraphError';
}

/** Two values (inputs, initializers or node outputs) would share one name; ONNX requires SSA names. */
export class DuplicateTensorNameError extends OnnxGraphError {
  override name = 'DuplicateTensorNameError';
  constructor(readonly tensor: string) {
    super(`tensor name "${tensor}" is already defined in the graph`);
  }
}

/** A node reads a value that nothing defines (no input, initializer or earlier node output). */
export class UnknownTensorError extends OnnxGraphError {
  override name = 'UnknownTensorError';
  constructor(readonly tensor: string, readonly opType: string) {
    super(`${opType} reads "${tensor}", which is not defined before it`);
  }
}

/** Initializer data length disagrees with the product of its dims. */
export class TensorShapeError extends OnnxGraphError {
  override name = 'TensorShapeError';
  constructor(readonly tensor: string, readonly expected: number, readonly actual: number) {
    super(`tensor "${tensor}" has ${actual} elements, dims say ${expected}`);
  }
}

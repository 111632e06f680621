// Errors of the trainer: each names what went wrong so a caller can tell a bug from a bad input.
export class TrainError extends Error {
  override name = 'TrainError';
}

export class ArenaFullError extends TrainError {
  override name = 'ArenaFullError';
  constructor(needBytes: number, haveBytes: number) {
    super(`training memory exhausted: need ${needBytes} bytes, have ${haveBytes}`);
  }
}

export class ShapeError extends TrainError {
  override name = 'ShapeError';
}

export class WasmUnavailableError extends TrainError {
  override name = 'WasmUnavailableError';
}

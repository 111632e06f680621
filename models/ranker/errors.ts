// Errors of the MMoE ranker: a shape or id mismatch is a bug (feature skew), so it throws loudly.
export class RankerError extends Error {
  override name = 'RankerError';
}

/** Weights disagree with their own config (wrong widths, wrong number of experts/tasks). */
export class WeightShapeError extends RankerError {
  override name = 'WeightShapeError';
  constructor(readonly where: string, message: string) {
    super(`${where}: ${message}`);
  }
}

/** Batch inputs whose lengths do not match the config's dense width or number of id slots. */
export class InputShapeError extends RankerError {
  override name = 'InputShapeError';
}

/** A hashed id outside its table: hashing must happen (mod buckets) before the ranker. */
export class IdOutOfRangeError extends RankerError {
  override name = 'IdOutOfRangeError';
  constructor(readonly slot: string, readonly id: number, readonly buckets: number) {
    super(`id ${id} in slot "${slot}" is outside [0, ${buckets})`);
  }
}

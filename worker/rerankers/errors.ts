// Reranker errors. A reranker config is code, not user input: an invalid one is a bug, thrown when
// the stage is built so it fails at the first request in tests, never mid-feed.

export class RerankConfigError extends Error {
  constructor(
    readonly stage: string,
    readonly field: string,
    message: string,
  ) {
    super(`${stage}: ${field} ${message}`);
    this.name = new.target.name;
  }
}

/** Throws unless `value` is a finite number within [min, max]. */
export function checkRange(stage: string, field: string, value: number, min: number, max: number) {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RerankConfigError(stage, field, `must be between ${min} and ${max}, got ${value}`);
  }
}

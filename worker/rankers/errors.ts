// Why light scoring could not answer. Every one extends LightScoringError, so the feed catches that
// one class and fails open to the heavy order; the subclass and its fields say what to fix.

export class LightScoringError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The manifest publishes no light model, or R2 has no object at its key. */
export class LightModelMissingError extends LightScoringError {
  constructor(readonly artifact: string, detail: string) {
    super(`light model '${artifact}' is unavailable: ${detail}`);
  }
}

/** R2 failed while reading the model (an outage, not a missing object). */
export class LightModelFetchError extends LightScoringError {
  constructor(readonly key: string, cause: unknown) {
    super(`reading light model '${key}' from R2 failed`, { cause });
  }
}

/** The bytes in R2 are not the ones the manifest sealed. */
export class LightModelShaMismatchError extends LightScoringError {
  constructor(readonly key: string, readonly expected: string, readonly actual: string) {
    super(`light model '${key}' has sha256 ${actual}, the manifest says ${expected}`);
  }
}

/** The model was trained on another input layout than this worker's lightInputs writes. */
export class LightModelLayoutError extends LightScoringError {
  constructor(readonly key: string, readonly expected: string, readonly actual: string) {
    super(`light model '${key}' has layout ${actual || '(none)'}, this worker writes ${expected}`);
  }
}

/** The bytes are not a model the runtime can load (corrupt, or not ONNX). */
export class LightModelLoadError extends LightScoringError {
  constructor(readonly key: string, cause: unknown) {
    super(`light model '${key}' cannot be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** The session ran but failed, or answered with the wrong number of scores or non-finite ones. */
export class LightModelRunError extends LightScoringError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`light model run failed: ${message}`, options);
  }
}

/** A candidate or request value the light inputs cannot be built from; `field` names it. */
export class LightInputError extends LightScoringError {
  constructor(readonly field: string, message: string, options?: { cause?: unknown }) {
    super(`${field}: ${message}`, options);
  }
}

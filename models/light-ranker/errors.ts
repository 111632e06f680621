// Named failures of the light ranker. A layout mismatch between trainer and server, or a row the
// replay cannot match to its captured context, is a bug: these throw, never fail open.
export class LightRankerError extends Error {
  override name = 'LightRankerError';
}

/** A model or input buffer built for another layout (version or width). */
export class LightLayoutMismatchError extends LightRankerError {
  override name = 'LightLayoutMismatchError';
  constructor(readonly expected: string, readonly actual: string) {
    super(`light-ranker layout mismatch: expected ${expected}, got ${actual}`);
  }
}

/** Session events must arrive in time order, as the replay and the realtime log deliver them. */
export class SessionOrderError extends LightRankerError {
  override name = 'SessionOrderError';
}

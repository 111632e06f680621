// Named failures of the feature code. A mismatch between the spec a model was trained with and the
// spec serving runs is a bug, never something to fail open on.
export class FeatureError extends Error {
  override name = 'FeatureError';
}
/** Normalisation stats or a model were built for another FEATURE_SPEC_VERSION. */
export class FeatureSpecMismatchError extends FeatureError {
  override name = 'FeatureSpecMismatchError';
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`feature spec mismatch: artifact has ${actual}, code has ${expected}`);
  }
}
/** Events fed to the point-in-time state out of time order. */
export class EventOrderError extends FeatureError {
  override name = 'EventOrderError';
}
/** A row or stats object of the wrong width. */
export class FeatureShapeError extends FeatureError {
  override name = 'FeatureShapeError';
}

// Named failures of the two-tower retrieval model: bad training input, or model bytes that do not decode.
import { JobError } from '../errors.js';

export class TwoTowerError extends JobError {
  override name = 'TwoTowerError';
}
/** The training input cannot train a model (too few usable positives, options out of range, ...). */
export class TwoTowerInputError extends TwoTowerError {
  override name = 'TwoTowerInputError';
}
/** Model bytes with the wrong magic or version, truncated, or disagreeing with their own header. */
export class TwoTowerBytesError extends TwoTowerError {
  override name = 'TwoTowerBytesError';
}

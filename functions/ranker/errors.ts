// Named failures of the ranker's central pieces.
import { JobError } from '../errors.js';

/** A staged ranker-weights.bin that is not one, or is cut short. */
export class WeightsFileError extends JobError {
  override name = 'WeightsFileError';
}

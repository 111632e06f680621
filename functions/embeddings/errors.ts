// Named failures of the embeddings compute (matrix building, training, vector files).
import { JobError } from '../errors.js';

export class EmbeddingsError extends JobError {
  override name = 'EmbeddingsError';
}
/** An interaction names a user or item index outside the declared matrix shape. */
export class InteractionIndexError extends EmbeddingsError {
  override name = 'InteractionIndexError';
}
/** A vectors file is truncated, has the wrong magic/version, or disagrees with its own header. */
export class VectorsFileError extends EmbeddingsError {
  override name = 'VectorsFileError';
}
/** An ALS worker thread crashed or exited before finishing its share of a half-iteration. */
export class AlsWorkerError extends EmbeddingsError {
  override name = 'AlsWorkerError';
}

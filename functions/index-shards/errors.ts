// Named failures of the index-shard build, load and recall check.
import { JobError } from '../errors.js';

export class IndexShardError extends JobError {
  override name = 'IndexShardError';
}
/** A shard's files disagree with each other or with the manifest (wrong sizes, missing file). */
export class ShardFileError extends IndexShardError {
  override name = 'ShardFileError';
}
/** HNSW recall stayed under the floor even at the largest allowed expansion_search. */
export class RecallBelowFloorError extends IndexShardError {
  override name = 'RecallBelowFloorError';
  constructor(
    readonly recall: number,
    readonly floor: number,
    readonly expansionSearch: number,
  ) {
    super(`recall@k ${recall.toFixed(4)} < floor ${floor} at expansion_search ${expansionSearch} (the cap)`);
  }
}

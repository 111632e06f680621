// The reranker stage (product-mixer's Selector): takes candidates already scored and returns a new
// order of the same items. Pure: no I/O, no clock, no Math.random; anything random is seeded by ctx.
import type { Candidate } from '../pipeline/types.js';

/** What every reranker is told about the page being built. `n` is the page size (the query's n). */
export type RerankContext = { n: number };

export interface Reranker<C extends RerankContext = RerankContext> {
  readonly name: string;
  /** A new array; the input is not mutated. */
  rerank(items: Candidate[], ctx: C): Candidate[];
}

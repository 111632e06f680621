// Embedding retrieval: the user's vector against the item index (all shards), top-k by similarity.
// Used twice: collaborative (implicit-ALS vectors) and two-tower. Searches are batched by the caller:
// `prefetch` answers many users at once, `retrieve` reads the answer.
import type { SourceName } from '../../models/candidates.js';
import type { CandidateSource, Scored } from './types.js';

export type VectorSearch = (queries: Float32Array, k: number) => { id: string; score: number }[][];

export function annSource(name: SourceName, o: { dims: number; vectorOf: (userId: string) => Float32Array | undefined; search: VectorSearch; k: number }) {
  const answers = new Map<string, Scored[]>();
  const source: CandidateSource & { prefetch(userIds: string[]): void } = {
    name,
    prefetch(userIds) {
      answers.clear();
      const withVector = userIds.map((id) => [id, o.vectorOf(id)] as const).filter((x): x is readonly [string, Float32Array] => x[1] !== undefined);
      if (withVector.length === 0) return;
      const queries = new Float32Array(withVector.length * o.dims);
      withVector.forEach(([, v], i) => queries.set(v, i * o.dims));
      o.search(queries, o.k).forEach((hits, i) => answers.set(withVector[i]![0], hits));
    },
    retrieve: (u) => answers.get(u.userId) ?? [],
  };
  return source;
}

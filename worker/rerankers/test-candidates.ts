// Hand-made candidates for the reranker tests: only the traits the rerankers read are chosen.
import type { SourceName } from '../../models/candidates.js';
import type { Candidate } from '../pipeline/types.js';

type Traits = { creator?: string; category?: string; cluster?: number; source?: SourceName };

export const item = (video_id: string, score: number, traits: Traits = {}, rank = 0): Candidate => ({
  video_id,
  creator_id: traits.creator ?? `creator-${video_id}`,
  category: traits.category ?? 'music',
  sources: [traits.source ?? 'popular'],
  source: traits.source ?? 'popular',
  score,
  ...(traits.cluster !== undefined && { cluster: traits.cluster }),
  reason: 'test',
  origin: 'Test',
  rank,
});

export const ids = (items: Candidate[]) => items.map((c) => c.video_id);

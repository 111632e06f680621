// A candidate as a source would emit it, for pure stage tests.
import type { Candidate } from '../pipeline/types.js';

export const cand = (video_id: string, rank: number, origin = 'Test'): Candidate => ({
  video_id,
  creator_id: `creator-${video_id}`,
  category: 'music',
  sources: ['popular'],
  source: 'popular',
  score: 1 - rank / 100,
  reason: 'test',
  origin,
  rank,
});

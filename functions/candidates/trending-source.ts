// Regional trending (global when the user's region has no list): the always-available source.
import { GLOBAL_REGION } from '../../models/keys.js';
import type { CandidateSource, Scored } from './types.js';

export const trendingSource = (byRegion: ReadonlyMap<string, Scored[]>, limit: number): CandidateSource => ({
  name: 'trending',
  retrieve: (u) => ((u.region && byRegion.get(u.region)) || byRegion.get(GLOBAL_REGION) || []).slice(0, limit),
});

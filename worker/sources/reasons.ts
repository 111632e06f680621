// The short human reason shown with each item, by primary candidate source.
import type { SourceName } from '../../models/candidates.js';

const BY_SOURCE: Record<SourceName, string> = {
  popular: 'popular with people like you',
  trending: 'trending now',
  collaborative: 'watched by people with similar taste',
  item2item: 'similar to videos you watched',
  followed: 'from a creator you follow',
  category: 'from a category you like',
  fresh: 'new upload',
  two_tower: 'picked for your interests',
};

export const reasonForSource = (source: SourceName) => BY_SOURCE[source];
export const trendingReason = (region: string, global: boolean) => (global ? 'trending worldwide' : `trending in ${region}`);

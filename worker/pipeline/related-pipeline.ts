// Up Next, declared as data: the video's related list, topped up by regional then global trending;
// what the viewer saw, disliked or was served in this session removed; re-ranked by MMR and the
// creator cap so the next videos are not all from one channel.
import { CANDIDATES_BUDGET_MS, CREATOR_CAP_PER_PAGE, LIGHT_RANKER_BUDGET_MS, MMR_LAMBDA, TRENDING_BUDGET_MS } from '../config.js';
import { dedupe } from '../filters/dedupe.js';
import { realtimeSeen } from '../filters/realtime-seen.js';
import { servedInCursor } from '../filters/served-in-cursor.js';
import { realtimeAffinity } from '../rankers/realtime-affinity.js';
import { creatorCap } from '../rerankers/creator-cap.js';
import { mmr } from '../rerankers/mmr.js';
import { globalTrending } from '../sources/global-trending.js';
import { regionalTrending } from '../sources/regional-trending.js';
import { relatedList, type RelatedQuery } from '../sources/related-list.js';
import type { ListStore } from '../stores/kv-list-store.js';
import type { Pipeline } from './types.js';

export const relatedPipeline = (ports: { lists: ListStore }): Pipeline<RelatedQuery> => ({
  name: 'related',
  sources: [
    { source: relatedList(ports.lists), when: 'always', budgetMs: CANDIDATES_BUDGET_MS, failOpen: true, fallbackReason: 'related' },
    { source: regionalTrending(ports.lists), when: 'if-short', budgetMs: TRENDING_BUDGET_MS, failOpen: true },
    { source: globalTrending(ports.lists), when: 'if-short', budgetMs: TRENDING_BUDGET_MS, failOpen: true },
  ],
  filters: [dedupe(), servedInCursor(), realtimeSeen(), { name: 'NotItself', filter: (cs, q) => ({ kept: cs.filter((c) => c.video_id !== q.videoId), removed: cs.filter((c) => c.video_id === q.videoId) }) }],
  scorers: [{ scorer: realtimeAffinity<RelatedQuery>(), budgetMs: LIGHT_RANKER_BUDGET_MS, failOpen: true }],
  rerankers: [mmr({ lambda: MMR_LAMBDA }), creatorCap({ maxPerCreator: CREATOR_CAP_PER_PAGE })],
});

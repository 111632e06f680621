// The home feed, declared as data: the user's cached candidates, topped up (or replaced when
// missing) by regional then global trending; filtered by what the cursor served and what the user
// saw or disliked; scored by the light ranker and realtime affinity; re-ranked by MMR, the creator cap
// and exploration slots.
import {
  CANDIDATES_BUDGET_MS,
  CREATOR_CAP_PER_PAGE,
  EXPLORATION_SHARE,
  LIGHT_BLEND_WEIGHT,
  LIGHT_RANKER_BUDGET_MS,
  MMR_LAMBDA,
  ONBOARDING_EXPLORATION_SHARE,
  TRENDING_BUDGET_MS,
} from '../config.js';
import { dedupe } from '../filters/dedupe.js';
import { realtimeSeen } from '../filters/realtime-seen.js';
import { servedInCursor } from '../filters/served-in-cursor.js';
import { lightRanker } from '../rankers/light-ranker-step.js';
import type { LightScorer } from '../rankers/light-scorer.js';
import { realtimeAffinity } from '../rankers/realtime-affinity.js';
import { creatorCap } from '../rerankers/creator-cap.js';
import { feedExploration } from '../rerankers/feed-exploration.js';
import { mmr } from '../rerankers/mmr.js';
import { cachedCandidates } from '../sources/cached-candidates.js';
import type { FeedQuery } from '../sources/feed-query.js';
import { globalTrending } from '../sources/global-trending.js';
import { onboardingMix } from '../sources/onboarding-mix.js';
import { regionalTrending } from '../sources/regional-trending.js';
import type { ListStore } from '../stores/kv-list-store.js';
import type { Pipeline } from './types.js';

export type FeedPorts = { lists: ListStore; light?: Pick<LightScorer, 'score'> | null };

export const feedPipeline = (ports: FeedPorts): Pipeline<FeedQuery> => {
  const candidates = cachedCandidates(ports.lists);
  return {
    name: 'feed',
    sources: [
      { source: candidates, when: 'always', budgetMs: CANDIDATES_BUDGET_MS, failOpen: true, fallbackReason: 'candidates' },
      // Only when the user has no list of their own: popular and well-finished videos, interleaved.
      { source: onboardingMix(ports.lists), when: 'if-empty', budgetMs: TRENDING_BUDGET_MS, failOpen: true },
      { source: regionalTrending(ports.lists), when: 'if-short', budgetMs: TRENDING_BUDGET_MS, failOpen: true },
      { source: globalTrending(ports.lists), when: 'if-short', budgetMs: TRENDING_BUDGET_MS, failOpen: true },
    ],
    // Dedupe first: it must see the whole stream, including what earlier pages served.
    filters: [dedupe(), servedInCursor(), realtimeSeen()],
    scorers: [
      ...(ports.light ? [{ scorer: lightRanker<FeedQuery>(ports.light, LIGHT_BLEND_WEIGHT), budgetMs: LIGHT_RANKER_BUDGET_MS, failOpen: true }] : []),
      { scorer: realtimeAffinity<FeedQuery>(), budgetMs: LIGHT_RANKER_BUDGET_MS, failOpen: true },
    ],
    rerankers: [
      mmr({ lambda: MMR_LAMBDA }),
      creatorCap({ maxPerCreator: CREATOR_CAP_PER_PAGE }),
      feedExploration<FeedQuery>({ share: EXPLORATION_SHARE, onboardingShare: ONBOARDING_EXPLORATION_SHARE, personalOrigin: candidates.name }),
    ],
  };
};

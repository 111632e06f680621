// A newcomer's first feed (no list of their own yet): regional trending interleaved with what viewers
// in the region watch to the end (the `completion` lists of the rebuild), so the first page shows both
// what is popular and what holds attention. Exploration adds its onboarding share on top.
import { GLOBAL_REGION } from '../../models/keys.js';
import type { CandidateSource, SourceItem } from '../pipeline/types.js';
import type { ListStore } from '../stores/kv-list-store.js';
import { kvArtifactPrefix } from '../stores/manifest-reader.js';
import type { FeedQuery } from './feed-query.js';
import { readTrendingList, trendingAnswer } from './trending-list.js';

export const COMPLETION_ARTIFACT = 'completion';
export const COMPLETION_REASON = 'viewers watch it to the end';

export const onboardingMix = (lists: ListStore): CandidateSource<FeedQuery> => ({
  name: 'OnboardingMix',
  async fetch(query) {
    const region = query.regions[0] ?? GLOBAL_REGION;
    const prefix = kvArtifactPrefix(query.manifest, COMPLETION_ARTIFACT);
    const [trending, completion] = await Promise.all([
      readTrendingList(lists, query.manifest, region),
      prefix ? lists.getList(prefix + region).then((l) => l ?? lists.getList(prefix + GLOBAL_REGION)) : null,
    ]);
    const a = trending ? trendingAnswer(trending, region, 'OnboardingMix').items : [];
    const b: SourceItem[] = (completion?.items ?? []).map((item) => ({ ...item, source: 'popular', reason: COMPLETION_REASON, origin: 'OnboardingMix' }));
    if (a.length === 0 && b.length === 0) return { items: [], detail: `no trending or completion list for ${region}` };
    // Alternate, keeping each list's order; scores become ranks so the interleaving survives scoring.
    const items: SourceItem[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) for (const x of [a[i], b[i]]) if (x) items.push(x);
    return { items: items.map((x, i) => ({ ...x, score: items.length - i })), meta: { region } };
  },
});

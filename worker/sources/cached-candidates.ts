// The user's precomputed candidate list (the central rebuild writes one per user per version). An
// incremental rebuild writes only the users whose events changed, so a miss reads through the older
// layers the manifest names, newest first, and stops at the first hit.
import type { CandidateSource } from '../pipeline/types.js';
import { kvArtifactLayers } from '../stores/manifest-reader.js';
import type { ListStore } from '../stores/kv-list-store.js';
import type { FeedQuery } from './feed-query.js';
import { reasonForSource } from './reasons.js';

export const CANDIDATES_ARTIFACT = 'candidates';

export const cachedCandidates = (lists: ListStore): CandidateSource<FeedQuery> => ({
  name: 'CachedCandidates',
  async fetch(query, signal) {
    const layers = kvArtifactLayers(query.manifest, CANDIDATES_ARTIFACT);
    if (!layers) return { items: [], detail: `manifest ${query.manifest.version} publishes no candidates` };
    if (query.userId === null) return { items: [], detail: 'no user' };
    for (const [depth, prefix] of layers.entries()) {
      if (signal.aborted) break; // the budget ran out: the runner has already moved on
      // Sequential on purpose: most users hit the newest layer, so parallel reads would mostly be waste.
      const list = await lists.getList(prefix + query.userId);
      if (!list) continue;
      return {
        items: list.items.map((item) => {
          const source = item.sources[0] ?? 'popular';
          return { ...item, source, reason: reasonForSource(source), origin: 'CachedCandidates' };
        }),
        ...(depth > 0 && { detail: `from layer ${prefix} (${depth} below ${query.manifest.version})` }),
      };
    }
    const tried = layers.length > 1 ? ` (${layers.length} layers)` : '';
    return { items: [], detail: `no cached candidates for this user in ${query.manifest.version}${tried}` };
  },
});

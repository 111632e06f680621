// What both trending sources share: where the lists live and how their items are explained. The
// cron's live snapshot (realtime movers, then the rebuild's list) wins over the published list when present.
import { GLOBAL_REGION, liveTrendingKey } from '../../models/keys.js';
import type { Manifest } from '../../models/schemas.js';
import type { ListStore } from '../stores/kv-list-store.js';
import { kvArtifactPrefix } from '../stores/manifest-reader.js';
import type { RankedList } from '../../models/candidates.js';
import type { SourceAnswer } from '../pipeline/types.js';
import { trendingReason } from './reasons.js';

export const TRENDING_ARTIFACT = 'trending';

export const trendingAnswer = (list: RankedList, region: string, origin: string): SourceAnswer => ({
  items: list.items.map((item) => ({
    ...item,
    source: 'trending',
    reason: trendingReason(region, region === GLOBAL_REGION),
    origin,
  })),
  meta: { region },
});

/** The region's trending list: the live snapshot when the cron wrote one, else the published list. */
export async function readTrendingList(lists: ListStore, manifest: Manifest, region: string): Promise<RankedList | null> {
  const prefix = kvArtifactPrefix(manifest, TRENDING_ARTIFACT);
  const [live, published] = await Promise.all([lists.getList(liveTrendingKey(region)), prefix ? lists.getList(prefix + region) : null]);
  return live && live.items.length > 0 ? live : published;
}

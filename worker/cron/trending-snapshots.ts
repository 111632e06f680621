// Cron: refreshes each region's live trending snapshot in KV from the realtime counters in Redis,
// so the fallback lists follow what is moving now rather than what moved at the last rebuild. The
// regions are those the published version has trending lists for. Never throws: a tick that cannot
// reach a store reports why, and the published lists keep serving.
import { encodeList } from '../../models/candidates.js';
import { liveTrendingKey } from '../../models/keys.js';
import { describeError } from '../budget.js';
import { TRENDING_ARTIFACT } from '../sources/trending-list.js';
import type { ListStore } from '../stores/kv-list-store.js';
import { kvArtifactPrefix, type ManifestReader } from '../stores/manifest-reader.js';
import type { RealtimeStore } from '../stores/realtime-store.js';
import { liveTrendingList } from './live-trending.js';

/** A snapshot outlives a few missed ticks (the cron runs every 10 minutes), then the published list serves. */
export const LIVE_TRENDING_TTL_SECONDS = 1800;
export const LIVE_TRENDING_HOURS = 24;
const DEFAULT_SIZE = 100;

export type SnapshotPorts = {
  manifest: ManifestReader;
  lists: ListStore;
  kv: Pick<KVNamespace, 'list' | 'put'>;
  realtime: Pick<RealtimeStore, 'readTrending' | 'readVideoRefs'>;
};
export type SnapshotReport = { status: 'ok'; regions: string[]; movers: number } | { status: 'skipped' | 'failed'; detail: string };

export async function refreshTrendingSnapshots(p: SnapshotPorts, nowMs: number): Promise<SnapshotReport> {
  try {
    const read = await p.manifest.readCurrent();
    if (!read.manifest) return { status: 'skipped', detail: 'nothing published yet' };
    const prefix = kvArtifactPrefix(read.manifest, TRENDING_ARTIFACT);
    if (!prefix) return { status: 'skipped', detail: `manifest ${read.manifest.version} publishes no trending` };
    const regions = (await p.kv.list({ prefix })).keys.map((k) => k.name.slice(prefix.length));
    let movers = 0;
    for (const region of regions) {
      const published = await p.lists.getList(prefix + region);
      const size = published?.items.length || DEFAULT_SIZE;
      const moving = await p.realtime.readTrending(region, { hours: LIVE_TRENDING_HOURS, nowMs, limit: size });
      const refs = await p.realtime.readVideoRefs(moving.map((m) => m.video_id));
      const list = liveTrendingList({ region, published, movers: moving, refs, size, nowMs });
      movers += moving.length;
      await p.kv.put(liveTrendingKey(region), encodeList(list), { expirationTtl: LIVE_TRENDING_TTL_SECONDS });
    }
    return { status: 'ok', regions, movers };
  } catch (err) {
    return { status: 'failed', detail: describeError(err) };
  }
}

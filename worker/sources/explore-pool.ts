// The exploration pool of a feed call: the published fresh-upload list (KV, from the last rebuild)
// and the uploads posted since (Redis, POST /v1/videos), newest first, with their exploration
// counters. Loaded under one budget; without it the page simply has no exploration slots.
import type { RankedItem } from '../../models/candidates.js';
import { GLOBAL_REGION } from '../../models/keys.js';
import type { Manifest } from '../../models/schemas.js';
import type { Candidate } from '../pipeline/types.js';
import type { ArmCounters } from '../rerankers/thompson.js';
import type { ListStore } from '../stores/kv-list-store.js';
import { kvArtifactPrefix } from '../stores/manifest-reader.js';
import type { RealtimeStore } from '../stores/realtime-store.js';
import { reasonForSource } from './reasons.js';

export const FRESH_ARTIFACT = 'fresh';
export type ExplorePool = { pool: Candidate[]; counters: Map<string, ArmCounters> };

const asCandidate = (item: RankedItem, origin: string): Candidate => ({
  ...item,
  sources: ['fresh'],
  source: 'fresh',
  reason: reasonForSource('fresh'),
  origin,
  rank: -1,
});

export async function loadExplorePool(
  ports: { lists: ListStore; realtime: Pick<RealtimeStore, 'listFresh' | 'readExploration'> | null },
  q: { manifest: Manifest; region: string; nowMs: number; limit: number },
): Promise<ExplorePool> {
  const prefix = kvArtifactPrefix(q.manifest, FRESH_ARTIFACT);
  const [published, posted] = await Promise.all([
    prefix ? ports.lists.getList(prefix + GLOBAL_REGION) : null,
    ports.realtime ? ports.realtime.listFresh(q.region, { limit: q.limit, nowMs: q.nowMs }) : [],
  ]);
  const pool: Candidate[] = [];
  const ids = new Set<string>();
  const add = (c: Candidate) => !ids.has(c.video_id) && (ids.add(c.video_id), pool.push(c));
  for (const v of posted) add(asCandidate({ video_id: v.video_id, creator_id: v.creator_id, category: v.category, sources: ['fresh'], score: 0, upload_ts: v.upload_ts }, 'FreshUploads'));
  for (const item of published?.items ?? []) add(asCandidate(item, 'FreshPool'));
  const kept = pool.slice(0, q.limit);
  const counters = ports.realtime && kept.length > 0 ? await ports.realtime.readExploration(kept.map((c) => c.video_id)) : new Map<string, ArmCounters>();
  return { pool: kept, counters };
}

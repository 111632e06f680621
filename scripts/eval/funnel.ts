// The per-stage funnel of the report, from the staged build's summary (build.json's `build`, written
// from summary.json) and what the evaluation saw: users through the stages, then list items per user.
import type { KindMetrics } from './kind-metrics.js';

export type FunnelStage = { stage: string; value: number };
export type Funnel = {
  users: FunnelStage[];
  items_per_user: FunnelStage[];
  /** Items per staged list by the source that placed them (top_source_* of the summary). */
  top_sources_per_user: FunnelStage[];
};

const count = (build: Record<string, unknown>, key: string) => (typeof build[key] === 'number' ? (build[key] as number) : undefined);

/** null when the summary has no `users_with_lists` (a build that staged no candidate lists). */
export function buildFunnel(build: Record<string, unknown>, usersScored: number, lists: KindMetrics, k: number): Funnel | null {
  const withLists = count(build, 'users_with_lists');
  if (withLists === undefined || withLists === 0) return null;
  const at = lists.at_k[String(k)];
  if (!at) throw new Error(`the lists' metrics have no cutoff ${k}`);
  const sources = Object.keys(build)
    .filter((key) => key.startsWith('top_source_') && count(build, key) !== undefined)
    .map((key) => ({ stage: key.slice('top_source_'.length), value: count(build, key)! / withLists }))
    .sort((a, b) => b.value - a.value);
  const withEvents = count(build, 'users_with_events');
  const stagedItems = sources.reduce((s, x) => s + x.value, 0);
  return {
    users: [
      ...(withEvents === undefined ? [] : [{ stage: 'users with train-day events', value: withEvents }]),
      { stage: 'users with a staged list', value: withLists },
      { stage: 'users scored (test-day targets)', value: usersScored },
      { stage: `scored users with a hit in the top ${k}`, value: Math.round(at.hit_rate * lists.users) },
    ],
    items_per_user: [
      ...(sources.length === 0 ? [] : [{ stage: 'items per staged list (build)', value: stagedItems }]),
      { stage: 'items per list, scored users (trending if none)', value: lists.mean_list_length },
      { stage: 'after removing watched', value: lists.mean_unseen_length },
      { stage: `shown (top ${k})`, value: at.slots / Math.max(1, lists.users) },
      { stage: `test targets in the top ${k}`, value: at.precision * k },
    ],
    top_sources_per_user: sources,
  };
}

// What each figure in the report's `metrics` section means, in the order the HTML report shows them.
// The JSON carries these texts too (metric_definitions), so a reader of either knows which NDCG is which.
import type { CutoffMetrics } from './kind-metrics.js';

export type MetricKey = Exclude<keyof CutoffMetrics, 'creator_lorenz' | 'slots'>;
export type MetricDefinition = { key: MetricKey; label: string; scope: 'per user' | 'list level'; definition: string };

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  { key: 'hit_rate', label: 'HitRate', scope: 'per user', definition: 'share of users with at least one test target in their top k' },
  { key: 'precision', label: 'Precision', scope: 'per user', definition: 'test targets in the top k over k, mean over users' },
  { key: 'recall', label: 'Recall', scope: 'per user', definition: 'test targets in the top k over all of the user’s test targets, mean over users' },
  {
    key: 'ndcg_binary',
    label: 'NDCG (binary)',
    scope: 'per user',
    definition: 'NDCG with gain 1 per test target; the quality bar’s metric (the same figure as lists.<kind>.ndcg at k)',
  },
  {
    key: 'ndcg_graded',
    label: 'NDCG (graded)',
    scope: 'per user',
    definition: 'NDCG with gain 2^grade − 1, grade the max over the user’s test events on the video: share 4, comment 3, like 2, view ≥ 80% watched 2, ≥ 50% 1',
  },
  { key: 'mrr', label: 'MRR', scope: 'per user', definition: '1 / rank of the first test target in the top k (0 when none), mean over users' },
  { key: 'coverage', label: 'Coverage', scope: 'list level', definition: 'share of the catalogue (videos uploaded before the split) in any user’s top k' },
  {
    key: 'novelty',
    label: 'Novelty',
    scope: 'list level',
    definition: 'mean −log2 train popularity per top-k slot; popularity = share of train-day users who engaged, add-one smoothed',
  },
  { key: 'popularity_percentile', label: 'Popularity pct', scope: 'list level', definition: 'mean train-popularity percentile (0–100, mid-rank over the catalogue) per top-k slot' },
  { key: 'creator_gini', label: 'Creator Gini', scope: 'list level', definition: 'Gini coefficient of top-k slots per catalogue creator, creators with no slot included' },
];

export const metricDefinitionsJson = () => Object.fromEntries(METRIC_DEFINITIONS.map((d) => [d.key, `${d.scope}: ${d.definition}`]));

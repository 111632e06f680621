// What both trending sources share: where the lists live and how their items are explained.
import { GLOBAL_REGION } from '../../models/keys.js';
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

// A user view for the source tests: a profile built by hand.
import type { UserProfile } from '../stats/aggregate.js';
import type { UserView } from './types.js';

export const DAY = 86_400_000;
export const NOW = Date.parse('2026-03-10T00:00:00Z');

export function userView(p: Partial<UserProfile> = {}, region?: string): UserView {
  const profile: UserProfile = {
    categories: new Map(),
    watched: new Set(),
    views: 0,
    sumWatchRatio: 0,
    recent: [],
    followed: new Set(),
    disliked: new Set(),
    activeDays: new Set(),
    lastTs: NOW,
    ...p,
  };
  return { userId: 'u', region, profile, nowMs: NOW };
}
export const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

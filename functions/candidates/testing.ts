// A user view for the source tests: a profile built by hand.
import { newProfile, type UserProfile } from '../stats/aggregate.js';
import type { UserView } from './types.js';

export const DAY = 86_400_000;
export const NOW = Date.parse('2026-03-10T00:00:00Z');

export function userView(p: Partial<UserProfile> = {}, region?: string): UserView {
  const profile: UserProfile = { ...newProfile(), lastTs: NOW, ...p };
  return { userId: 'u', region, profile, nowMs: NOW };
}
export const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

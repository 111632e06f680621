// Recent uploads of the creators the user follows, newest first.
import type { CandidateSource, Scored } from './types.js';

export type Upload = { id: string; uploadTs: number };

export const followedSource = (uploadsByCreator: ReadonlyMap<string, Upload[]>, o: { maxAgeDays: number; perCreator: number; limit: number }): CandidateSource => ({
  name: 'followed',
  retrieve(u) {
    const since = u.nowMs - o.maxAgeDays * 86_400_000;
    const out: Scored[] = [];
    for (const creator of u.profile.followed) {
      // uploadsByCreator lists each creator's uploads newest first.
      const recent = (uploadsByCreator.get(creator) ?? []).filter((x) => x.uploadTs >= since && x.uploadTs <= u.nowMs);
      for (const x of recent.slice(0, o.perCreator)) out.push({ id: x.id, score: 1 / (1 + (u.nowMs - x.uploadTs) / 86_400_000) });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, o.limit);
  },
});

/** Each creator's uploads, newest first. */
export function uploadsByCreator(videos: Iterable<{ video_id: string; creator_id: string; upload_ts: number }>): Map<string, Upload[]> {
  const out = new Map<string, Upload[]>();
  for (const v of videos) {
    let list = out.get(v.creator_id);
    if (!list) out.set(v.creator_id, (list = []));
    list.push({ id: v.video_id, uploadTs: v.upload_ts });
  }
  for (const list of out.values()) list.sort((a, b) => b.uploadTs - a.uploadTs);
  return out;
}

// One pass over the whole log: per user, what they watched before the split (never a target and never
// recommended again) and what they engaged with positively from it on (the test targets), with the
// graded relevance of each target (engagement-grade.ts).
import { watchRatio, type Event } from '../../models/schemas.js';
import { newReadStats, readEventLog } from '../../functions/io/events.js';
import type { WorldFiles } from '../../functions/io/world-files.js';
import { addGrade, engagementGrade } from './engagement-grade.js';

export type SplitEvents = {
  watched: Map<string, Set<string>>;
  positives: Map<string, Set<string>>;
  /** Per user, the max engagement grade of each test positive (the same videos as `positives`). */
  grades: Map<string, Map<string, number>>;
  /** Users with any train-day event: the denominator of train popularity. */
  trainUsers: Set<string>;
  train: number;
  test: number;
};

/** Positive engagement: a view of at least half the video, a like, a share or a comment. */
export const isPositive = (e: Event) => (e.type === 'view' && (watchRatio(e) ?? 0) >= 0.5) || e.type === 'like' || e.type === 'share' || e.type === 'comment';
/** Watched in training, as the rebuild's own profiles count it: any view, like, share or comment. */
export const isWatched = (e: Event) => e.type === 'view' || e.type === 'like' || e.type === 'share' || e.type === 'comment';

export const emptySplitEvents = (): SplitEvents => ({ watched: new Map(), positives: new Map(), grades: new Map(), trainUsers: new Set(), train: 0, test: 0 });

const addTo = (m: Map<string, Set<string>>, user: string, video: string) => {
  let s = m.get(user);
  if (!s) m.set(user, (s = new Set()));
  s.add(video);
};

export function addSplitEvent(s: SplitEvents, e: Event, splitMs: number): void {
  if (e.ts < splitMs) {
    s.train++;
    s.trainUsers.add(e.user_id);
    if (isWatched(e)) addTo(s.watched, e.user_id, e.video_id);
  } else {
    s.test++;
    if (!isPositive(e)) return;
    addTo(s.positives, e.user_id, e.video_id);
    let g = s.grades.get(e.user_id);
    if (!g) s.grades.set(e.user_id, (g = new Map()));
    addGrade(g, e.video_id, engagementGrade(e));
  }
}

export async function readSplitEvents(files: WorldFiles, splitMs: number): Promise<SplitEvents> {
  const s = emptySplitEvents();
  for await (const e of readEventLog(files, newReadStats())) addSplitEvent(s, e, splitMs);
  return s;
}

// Graded relevance of a test event for graded NDCG: a share says more than a comment, a comment more
// than a like, and a finished view as much as a like. A video's grade is the max over its events.
import { watchRatio, type Event } from '../../models/schemas.js';

export const GRADES = { share: 4, comment: 3, like: 2, viewFinished: 2, viewHalf: 1 } as const;
/** Watch-ratio buckets of a view: at least this share watched earns the grade. */
export const VIEW_BUCKETS = { finished: 0.8, half: 0.5 } as const;

/** 0 for dislikes, skips, impressions, follows and views under half watched. */
export function engagementGrade(e: Event): number {
  switch (e.type) {
    case 'share':
      return GRADES.share;
    case 'comment':
      return GRADES.comment;
    case 'like':
      return GRADES.like;
    case 'view': {
      const r = watchRatio(e) ?? 0;
      return r >= VIEW_BUCKETS.finished ? GRADES.viewFinished : r >= VIEW_BUCKETS.half ? GRADES.viewHalf : 0;
    }
    default:
      return 0;
  }
}

/** Keeps the highest grade per video; grade 0 adds nothing. */
export function addGrade(grades: Map<string, number>, videoId: string, grade: number): void {
  if (grade > (grades.get(videoId) ?? 0)) grades.set(videoId, grade);
}

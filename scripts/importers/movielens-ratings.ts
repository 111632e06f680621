// MovieLens 100K ratings (u.data: user \t item \t rating \t unix seconds) → an impression and a view
// whose engagement follows the rating, plus like (5, and a deterministic third of 4s) or dislike (1).
import { fnv1a32 } from '../../models/features/hash.js';
import type { EventInput, EventType } from '../../models/schemas.js';
import { FormatError, RowRejectError } from './errors.js';
import { mapRow, numericId, requiredNum, type Get } from './fields.js';
import { readTextLines } from './text-lines.js';
import type { RowResult } from './types.js';

/** MovieLens has no runtimes: every film is taken as 100 minutes. */
export const MOVIELENS_DURATION_SEC = 6_000;
/** Share of the film watched for each rating: higher ratings watch longer. */
export const WATCH_RATIO_BY_RATING = [0, 0.1, 0.3, 0.55, 0.8, 0.95] as const;
const RATING_COLUMNS = ['user_id', 'item_id', 'rating', 'timestamp'];

export function movielensRatingEvents(get: Get): EventInput[] {
  const user_id = numericId(get, 'user_id');
  const video_id = numericId(get, 'item_id');
  const rating = requiredNum(get, 'rating', { min: 1, max: 5 });
  if (!Number.isInteger(rating)) throw new RowRejectError('out_of_range: rating');
  const seconds = requiredNum(get, 'timestamp', { min: 0 });
  const ts = seconds * 1000;
  const idOf = (type: EventType) => `ml:${user_id}:${video_id}:${seconds}:${type}`;
  const base = { user_id, video_id, ts, surface: 'feed' as const, video_duration_sec: MOVIELENS_DURATION_SEC };
  const events: EventInput[] = [
    { ...base, event_id: idOf('impression'), type: 'impression' },
    { ...base, event_id: idOf('view'), type: 'view', watch_time_sec: Math.round(WATCH_RATIO_BY_RATING[rating]! * MOVIELENS_DURATION_SEC) },
  ];
  const liked = rating === 5 || (rating === 4 && fnv1a32(`${user_id}:${video_id}`) % 3 === 0);
  if (liked) events.push({ ...base, event_id: idOf('like'), type: 'like' });
  if (rating === 1) events.push({ ...base, event_id: idOf('dislike'), type: 'dislike' });
  return events;
}

/** Splits a headerless delimited line into a getter, or rejects it for its field count. */
export function fixedColumns(line: string, delimiter: string, columns: string[]): Get {
  const fields = line.split(delimiter);
  if (fields.length !== columns.length) throw new RowRejectError(`column_count: expected ${columns.length} fields`);
  return (c) => {
    const i = columns.indexOf(c);
    return i < 0 ? undefined : fields[i]!.trim();
  };
}

export async function* readMovieLensRatings(path: string): AsyncGenerator<RowResult> {
  let first = true;
  for await (const { line, lineNo } of readTextLines(path)) {
    if (first && line.split('\t').length !== RATING_COLUMNS.length) {
      throw new FormatError(path, `not a MovieLens u.data file: expected 4 tab-separated fields, line 1 is "${line.slice(0, 80)}"`);
    }
    first = false;
    const r = mapRow(lineNo, () => movielensRatingEvents(fixedColumns(line, '\t', RATING_COLUMNS)));
    yield 'reject' in r ? r : { lineNo, events: r.value };
  }
}

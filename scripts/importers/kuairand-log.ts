// KuaiRand interaction logs → events. Each row is one exposure: an impression, then a view (a valid
// click with play time) or a skip, then the explicit signals the row sets. Two layouts are read: the
// official log (is_like/is_hate columns) and the variant whose `label` column is 1 = like / 0 = hate.
import type { EventInput, EventType } from '../../models/schemas.js';
import { openCsv } from './csv-rows.js';
import { RowRejectError } from './errors.js';
import { flag, mapRow, num, numericId, requiredNum, type Get } from './fields.js';
import type { LogContext, RowResult } from './types.js';

export const KUAIRAND_LOG_REQUIRED = [
  'user_id',
  'video_id',
  'is_click',
  'play_time_ms',
  'duration_ms',
  ['time_ms', 'date'],
  ['is_like', 'label'],
];

// KuaiRand's date/hourmin are Beijing time (UTC+8); time_ms is epoch ms and preferred when present.
const KUAIRAND_UTC_OFFSET_MS = 8 * 3_600_000;

export type KuaiRandCounters = { randomExposureRows: number; timeFromDateHourmin: number };

/** Epoch ms of a row: time_ms, else date (YYYYMMDD) + hourmin (HHMM) read as UTC+8. */
export function kuairandRowTs(get: Get): number {
  const timeMs = num(get, 'time_ms', { optional: true, min: 0 });
  if (timeMs !== undefined && timeMs > 0) return timeMs;
  const date = get('date') ?? '';
  const hourmin = (get('hourmin') ?? '').padStart(4, '0');
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  const hm = /^(\d{2})(\d{2})$/.exec(hourmin);
  if (!d || !hm) throw new RowRejectError('missing_value: time_ms or date+hourmin');
  const ts = Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +hm[1]!, +hm[2]!) - KUAIRAND_UTC_OFFSET_MS;
  if (!Number.isFinite(ts) || ts < 0) throw new RowRejectError('out_of_range: date+hourmin');
  return ts;
}

// Plain object literals, no per-row closures: this runs once per event of a 322M-row log.
function event(key: string, type: EventType, user_id: string, video_id: string, ts: number, durationSec?: number): EventInput {
  const e: EventInput = { event_id: key + type, user_id, video_id, ts, type, surface: 'feed' };
  if (durationSec !== undefined) e.video_duration_sec = durationSec;
  return e;
}

/** The events of one log row, in order: impression, view|skip, like, dislike, follow, comment, share. */
export function kuairandRowEvents(get: Get, ctx: LogContext, counters?: KuaiRandCounters): EventInput[] {
  const user_id = numericId(get, 'user_id');
  const video_id = numericId(get, 'video_id');
  const hasTimeMs = (num(get, 'time_ms', { optional: true, min: 0 }) ?? 0) > 0;
  const ts = kuairandRowTs(get);
  const playMs = requiredNum(get, 'play_time_ms', { min: 0 });
  const durationMs = num(get, 'duration_ms', { optional: true, min: 0 }) ?? 0;
  const clicked = flag(get, 'is_click');
  const variant = get('is_like') === undefined;
  const label = variant ? requiredNum(get, 'label', { min: 0, max: 1 }) : undefined;
  const liked = variant ? label === 1 : flag(get, 'is_like');
  const hated = variant ? label === 0 : flag(get, 'is_hate');
  const randomExposure = flag(get, 'is_rand');

  // duration_ms is 0 in some real rows: the length is then the table's, or unknown (left absent).
  const durationSec = durationMs > 0 ? durationMs / 1000 : ctx.videoDurationSec(video_id);
  const key = `kr:${user_id}:${video_id}:${ts}:`;
  const events: EventInput[] = [event(key, 'impression', user_id, video_id, ts, durationSec)];
  const watched = clicked && playMs > 0 ? 'view' : 'skip';
  const watch = event(key, watched, user_id, video_id, ts, durationSec);
  watch.watch_time_sec = playMs / 1000;
  events.push(watch);
  if (liked) events.push(event(key, 'like', user_id, video_id, ts));
  if (hated) events.push(event(key, 'dislike', user_id, video_id, ts));
  if (flag(get, 'is_follow')) events.push(event(key, 'follow', user_id, video_id, ts));
  if (flag(get, 'is_comment')) events.push(event(key, 'comment', user_id, video_id, ts));
  if (flag(get, 'is_forward')) events.push(event(key, 'share', user_id, video_id, ts));
  if (counters) {
    if (randomExposure) counters.randomExposureRows++;
    if (!hasTimeMs) counters.timeFromDateHourmin++;
  }
  return events;
}

export async function* readKuaiRandLog(path: string, ctx: LogContext, counters?: KuaiRandCounters): AsyncGenerator<RowResult> {
  const csv = await openCsv(path, KUAIRAND_LOG_REQUIRED, 'KuaiRand log');
  for await (const rec of csv.rows) {
    if ('reject' in rec) {
      yield rec;
      continue;
    }
    const r = mapRow(rec.lineNo, () => kuairandRowEvents(rec.get, ctx, counters));
    yield 'reject' in r ? r : { lineNo: r.lineNo, events: r.value };
  }
}

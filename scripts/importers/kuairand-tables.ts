// KuaiRand video and user tables → catalogue rows. KuaiRand has no titles, regions or devices: the
// stated defaults below stand in, and the summary says so.
import type { User } from '../../models/schemas.js';
import { openCsv } from './csv-rows.js';
import { RowRejectError } from './errors.js';
import { mapRow, num, numericId, requiredNum, type Get } from './fields.js';
import type { TableRow, VideoInput } from './types.js';

/** KuaiRand is a Chinese app; its tables carry no region, language or device. */
export const KUAIRAND_DEFAULTS = { region: 'CN', language: 'zh', device: 'other' } as const;
/** register_days is counted back from the end of the KuaiRand collection window. */
export const KUAIRAND_REGISTER_REFERENCE_MS = Date.parse('2022-05-08T16:00:00Z');
/** Catalogue duration when neither table nor log knows it; about the median KuaiRand-Pure video. */
export const KUAIRAND_UNKNOWN_DURATION_SEC = 80;
export const UNKNOWN = 'unknown';

const ACTIVITY: Record<string, User['activity']> = {
  full_active: 'high',
  high_active: 'high',
  middle_active: 'medium',
  low_active: 'low',
  single_low_active: 'low',
  day_new: 'new',
  '2_14_day_new': 'new',
  '30day_retention': 'new',
};

export function kuairandVideo(get: Get): VideoInput {
  const video_id = numericId(get, 'video_id');
  const uploadDt = get('upload_dt') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(uploadDt)) throw new RowRejectError('bad_date: upload_dt');
  const durationMs = num(get, 'video_duration', { optional: true, min: 0 });
  const tags = (get('tag') ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  return {
    video_id,
    creator_id: numericId(get, 'author_id'),
    category: tags[0] ?? UNKNOWN,
    tags,
    // Some rows (picture sets) have no duration: filled later from the log or the stated default.
    ...(durationMs ? { duration_sec: durationMs / 1000 } : {}),
    upload_ts: Date.parse(`${uploadDt}T00:00:00+08:00`),
    region: KUAIRAND_DEFAULTS.region,
    language: KUAIRAND_DEFAULTS.language,
    title: '',
  };
}

export function kuairandUser(get: Get): User {
  const degree = get('user_active_degree') ?? '';
  const activity = ACTIVITY[degree];
  const registerDays = requiredNum(get, 'register_days', { min: 0 });
  return {
    user_id: numericId(get, 'user_id'),
    region: KUAIRAND_DEFAULTS.region,
    language: KUAIRAND_DEFAULTS.language,
    device: KUAIRAND_DEFAULTS.device,
    signup_ts: KUAIRAND_REGISTER_REFERENCE_MS - registerDays * 86_400_000,
    ...(activity ? { activity } : {}),
  };
}

async function* readTable(path: string, required: string[], what: string, map: (get: Get) => object): AsyncGenerator<TableRow> {
  const csv = await openCsv(path, required, what);
  for await (const rec of csv.rows) {
    if ('reject' in rec) yield rec;
    else {
      const r = mapRow(rec.lineNo, () => map(rec.get));
      yield 'reject' in r ? r : { lineNo: r.lineNo, row: r.value as Record<string, unknown> };
    }
  }
}

export const readKuaiRandVideos = (path: string) =>
  readTable(path, ['video_id', 'author_id', 'upload_dt', 'video_duration', 'tag'], 'KuaiRand video table', kuairandVideo);

export const readKuaiRandUsers = (path: string) =>
  readTable(path, ['user_id', 'user_active_degree', 'register_days'], 'KuaiRand user table', kuairandUser);

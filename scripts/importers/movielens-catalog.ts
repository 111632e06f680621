// MovieLens u.item (latin-1, pipe-separated, 19 genre flags) → videos and u.user → users. Titles keep
// their accents: the file is read as latin-1 (UTF-8 lines are recognised too).
import { FormatError, RowRejectError } from './errors.js';
import { mapRow, numericId, requiredNum, type Get } from './fields.js';
import { fixedColumns } from './movielens-ratings.js';
import { readTextLines } from './text-lines.js';
import type { TableRow, VideoInput } from './types.js';

export const MOVIELENS_GENRES = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy',
  'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
] as const;
/** MovieLens 100K users are US residents rating in English; devices are unknown. */
export const MOVIELENS_DEFAULTS = { region: 'US', language: 'en', device: 'other' } as const;
export const UNKNOWN = 'unknown';

const ITEM_COLUMNS = ['item_id', 'title', 'release_date', 'video_release_date', 'imdb_url', ...MOVIELENS_GENRES.map((g) => `g:${g}`)];
const USER_COLUMNS = ['user_id', 'age', 'gender', 'occupation', 'zip'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "01-Jan-1995" → epoch ms; films released before 1970 (and unknown dates) clamp to 0, the schema's floor. */
export function releaseTs(raw: string): number {
  if (raw === '') return 0;
  const m = /^(\d{2})-([A-Z][a-z]{2})-(\d{4})$/.exec(raw);
  const month = m ? MONTHS.indexOf(m[2]!) : -1;
  if (!m || month < 0) throw new RowRejectError('bad_date: release_date');
  return Math.max(0, Date.UTC(+m[3]!, month, +m[1]!));
}

export function movielensVideo(get: Get): VideoInput {
  const genres = MOVIELENS_GENRES.filter((g) => {
    const v = get(`g:${g}`);
    if (v !== '0' && v !== '1') throw new RowRejectError('not_a_flag: genre');
    return v === '1';
  });
  return {
    video_id: numericId(get, 'item_id'),
    creator_id: UNKNOWN,
    category: genres[0] ?? UNKNOWN,
    tags: [...genres],
    upload_ts: releaseTs(get('release_date') ?? ''),
    region: MOVIELENS_DEFAULTS.region,
    language: MOVIELENS_DEFAULTS.language,
    title: get('title') ?? '',
  };
}

export function ageBucket(age: number): string {
  const edges: [number, string][] = [[18, '<18'], [25, '18-24'], [35, '25-34'], [45, '35-44'], [50, '45-49'], [56, '50-55']];
  return edges.find(([limit]) => age < limit)?.[1] ?? '56+';
}

/** signup_ts is unknown in u.user: the runner fills it from the user's first rating. */
export function movielensUser(get: Get): Record<string, unknown> {
  return {
    user_id: numericId(get, 'user_id'),
    ...MOVIELENS_DEFAULTS,
    age_bucket: ageBucket(requiredNum(get, 'age', { min: 0, max: 150 })),
  };
}

async function* readPiped(path: string, columns: string[], what: string, map: (get: Get) => object): AsyncGenerator<TableRow> {
  let first = true;
  for await (const { line, lineNo } of readTextLines(path, 'latin1')) {
    if (first && line.split('|').length !== columns.length) {
      throw new FormatError(path, `not a MovieLens ${what}: expected ${columns.length} '|'-separated fields, line 1 is "${line.slice(0, 80)}"`);
    }
    first = false;
    const r = mapRow(lineNo, () => map(fixedColumns(line, '|', columns)));
    yield 'reject' in r ? r : { lineNo, row: r.value as Record<string, unknown> };
  }
}

export const readMovieLensItems = (path: string) => readPiped(path, ITEM_COLUMNS, 'u.item', movielensVideo);
export const readMovieLensUsers = (path: string) => readPiped(path, USER_COLUMNS, 'u.user', movielensUser);

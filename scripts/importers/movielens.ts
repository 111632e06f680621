// The MovieLens 100K format: u.data as the log, u.item as videos, u.user as users.
import { MOVIELENS_DEFAULTS, UNKNOWN, readMovieLensItems, readMovieLensUsers } from './movielens-catalog.js';
import { MOVIELENS_DURATION_SEC, readMovieLensRatings } from './movielens-ratings.js';
import type { Importer } from './types.js';

export function movielensImporter(): Importer {
  return {
    name: 'movielens',
    readLog: (path) => readMovieLensRatings(path),
    readVideos: readMovieLensItems,
    readUsers: readMovieLensUsers,
    inferVideo: (video_id, seen) => ({
      video_id,
      creator_id: UNKNOWN,
      category: UNKNOWN,
      tags: [],
      duration_sec: MOVIELENS_DURATION_SEC,
      upload_ts: seen.firstTs,
      region: MOVIELENS_DEFAULTS.region,
      language: MOVIELENS_DEFAULTS.language,
      title: '',
    }),
    inferUser: (user_id, seen) => ({ user_id, ...MOVIELENS_DEFAULTS, signup_ts: seen.firstTs }),
    unknownDurationSec: MOVIELENS_DURATION_SEC,
    notes: () => [
      `every film's duration is the stated default ${MOVIELENS_DURATION_SEC} s (MovieLens has no runtimes); creator_id '${UNKNOWN}'`,
      `region ${MOVIELENS_DEFAULTS.region}, language ${MOVIELENS_DEFAULTS.language}, device ${MOVIELENS_DEFAULTS.device} for every row; signup = first rating`,
    ],
  };
}

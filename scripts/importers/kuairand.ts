// The KuaiRand format: its log, video table and user table, and the placeholders for ids the tables
// do not describe.
import { readKuaiRandLog, type KuaiRandCounters } from './kuairand-log.js';
import { KUAIRAND_DEFAULTS, KUAIRAND_UNKNOWN_DURATION_SEC, UNKNOWN, readKuaiRandUsers, readKuaiRandVideos } from './kuairand-tables.js';
import type { Importer } from './types.js';

export function kuairandImporter(): Importer {
  const counters: KuaiRandCounters = { randomExposureRows: 0, timeFromDateHourmin: 0 };
  return {
    name: 'kuairand',
    readLog: (path, ctx) => readKuaiRandLog(path, ctx, counters),
    readVideos: readKuaiRandVideos,
    readUsers: readKuaiRandUsers,
    inferVideo: (video_id, seen) => ({
      video_id,
      creator_id: UNKNOWN,
      category: UNKNOWN,
      tags: [],
      ...(seen.maxDurationSec ? { duration_sec: seen.maxDurationSec } : {}),
      // Upload time unknown: it was uploaded no later than its first exposure.
      upload_ts: seen.firstTs,
      region: KUAIRAND_DEFAULTS.region,
      language: KUAIRAND_DEFAULTS.language,
      title: '',
    }),
    inferUser: (user_id, seen) => ({ user_id, ...KUAIRAND_DEFAULTS, signup_ts: seen.firstTs }),
    unknownDurationSec: KUAIRAND_UNKNOWN_DURATION_SEC,
    notes: () => [
      `KuaiRand has no locale, device or title: every row gets region ${KUAIRAND_DEFAULTS.region}, language ${KUAIRAND_DEFAULTS.language}, device ${KUAIRAND_DEFAULTS.device}, empty title`,
      `inferred videos: creator_id and category '${UNKNOWN}', duration from the log (else ${KUAIRAND_UNKNOWN_DURATION_SEC} s), upload time = first exposure; inferred users: signup = first event`,
      `${counters.randomExposureRows} rows were random exposures (is_rand=1)`,
      `${counters.timeFromDateHourmin} rows had no time_ms: time taken from date+hourmin (UTC+8)`,
    ],
  };
}

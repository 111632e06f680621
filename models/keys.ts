// Where every artifact lives in KV and R2. Versioned keys make a publish atomic: nothing the edge
// reads changes until the `manifest:current` pointer flips to a version whose artifacts all exist.

export const MANIFEST_POINTER_KEY = 'manifest:current';
export const manifestKey = (version: string) => `manifest:${version}`;
export const manifestObjectKey = (version: string) => `manifests/${version}.json`;

export const candidatesKey = (version: string, userId: string) => `cand:${version}:${userId}`;
export const trendingKey = (version: string, region: string) => `trend:${version}:${region}`;
export const relatedKey = (version: string, videoId: string) => `rel:${version}:${videoId}`;
export const freshKey = (version: string, region: string) => `fresh:${version}:${region}`;
export const completionKey = (version: string, region: string) => `compl:${version}:${region}`;
export const GLOBAL_REGION = 'global';
/** The newest `npm run eval` HTML report, in R2 (ARTIFACTS); the worker serves it at /report. */
export const LATEST_REPORT_KEY = 'reports/eval-latest.html';
/** Trending refreshed from the realtime counters by the worker's cron, between rebuilds (unversioned, with a TTL). */
export const liveTrendingKey = (region: string) => `trendlive:${region}`;

/** The event log the central jobs read: gzip NDJSON, one folder per UTC day. */
export const eventLogDay = (tsMs: number) => new Date(tsMs).toISOString().slice(0, 10);
export const eventLogKey = (day: string, part: string) => `events/dt=${day}/${part}.ndjson.gz`;
export const EVENT_LOG_DAY_RE = /^dt=(\d{4}-\d{2}-\d{2})$/;

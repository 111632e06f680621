// The catalogue phase: table rows are upserted by id; ids the log referenced that neither the tables
// nor the existing catalogue describe get the format's placeholder rows (counted as inferred).
import { UserSchema, VideoSchema, type User, type Video } from '../../models/schemas.js';
import { upsert, type UpsertCounts } from './catalog-store.js';
import type { StagedRow } from './catalog-tables.js';
import type { Importer, SeenEntity, VideoInput } from './types.js';

export type CatalogCounts = UpsertCounts & { inferred: number; durationDefaulted: number };
const zero = (): CatalogCounts => ({ added: 0, updated: 0, unchanged: 0, inferred: 0, durationDefaulted: 0 });

export function mergeVideos(
  catalog: Map<string, Video>,
  table: Map<string, StagedRow<VideoInput>>,
  seen: Map<string, SeenEntity>,
  importer: Importer,
): CatalogCounts {
  const counts = zero();
  // Duration: the table's, else the longest the log reported, else the one already known, else the
  // format's stated default.
  const complete = (v: VideoInput): Video => {
    let duration_sec = v.duration_sec ?? seen.get(v.video_id)?.maxDurationSec ?? catalog.get(v.video_id)?.duration_sec;
    if (duration_sec === undefined) {
      counts.durationDefaulted++;
      duration_sec = importer.unknownDurationSec;
    }
    return VideoSchema.parse({ ...v, duration_sec });
  };
  for (const [id, { row }] of table) upsert(catalog, id, complete(row), counts);
  for (const [id, s] of seen) {
    if (catalog.has(id)) continue;
    catalog.set(id, complete(importer.inferVideo(id, s)));
    counts.inferred++;
  }
  return counts;
}

export function mergeUsers(
  catalog: Map<string, User>,
  table: Map<string, StagedRow<Record<string, unknown>>>,
  seen: Map<string, SeenEntity>,
  importer: Importer,
  logStartTs: number | undefined,
): CatalogCounts {
  const counts = zero();
  for (const [id, { row }] of table) {
    // A table without signup times (MovieLens): first activity, else as known, else the log's start.
    const signup_ts = row.signup_ts ?? seen.get(id)?.firstTs ?? catalog.get(id)?.signup_ts ?? logStartTs ?? 0;
    upsert(catalog, id, UserSchema.parse({ signup_ts, ...row }), counts);
  }
  for (const [id, s] of seen) {
    if (catalog.has(id)) continue;
    catalog.set(id, UserSchema.parse(importer.inferUser(id, s)));
    counts.inferred++;
  }
  return counts;
}

// The port every format implements: it turns files into candidate rows; the runner validates them with
// the zod schemas, dedupes, writes and reports. Formats never write anything themselves.
import type { EventInput, User, Video } from '../../models/schemas.js';

export const FORMATS = ['kuairand', 'movielens', 'ndjson'] as const;
export type FormatName = (typeof FORMATS)[number];

/** One input row: the events it maps to, or why it was rejected. lineNo is 1-based in the file. */
export type RowResult = { lineNo: number; events: EventInput[] } | { lineNo: number; reject: string };

/** A side-table row (videos or users) before validation. */
export type TableRow = { lineNo: number; row: Record<string, unknown> } | { lineNo: number; reject: string };

/** What the log told us about an entity the tables did not describe. */
export type SeenEntity = { firstTs: number; maxDurationSec?: number };

export type VideoInput = Omit<Video, 'duration_sec' | 'tags'> & { duration_sec?: number; tags?: string[] };

export type LogContext = {
  /** Duration from the videos table, for rows whose own duration is unknown. */
  videoDurationSec(videoId: string): number | undefined;
};

export type Importer = {
  name: FormatName;
  readLog(path: string, ctx: LogContext): AsyncIterable<RowResult>;
  readVideos(path: string): AsyncIterable<TableRow>;
  readUsers(path: string): AsyncIterable<TableRow>;
  /** Placeholder catalogue rows for ids the log references but no table (new or existing) describes. */
  inferVideo(videoId: string, seen: SeenEntity): VideoInput;
  inferUser(userId: string, seen: SeenEntity): User;
  /** Duration for a catalogue video whose length nobody knows (the schema needs one). */
  unknownDurationSec: number;
  /** Format-specific facts for the summary (e.g. random-exposure rows), read after the log. */
  notes(): string[];
};

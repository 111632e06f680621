// One import, all or nothing: side tables, then the log streamed into staged day partitions, then the
// catalogue upsert; only when every phase passed are the parts moved in and the catalogue, imports.json
// and world.json written. A file whose sha256 is in imports.json is skipped.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { worldFiles } from '../../functions/io/world-files.js';
import type { User, Video } from '../../models/schemas.js';
import { mergeUsers, mergeVideos } from './catalog-merge.js';
import { loadCatalog, writeCatalog } from './catalog-store.js';
import { readUserTable, readVideoTable, type StagedRow } from './catalog-tables.js';
import { TooManyRejectsError } from './errors.js';
import { eventSink } from './event-sink.js';
import { IMPORTERS } from './formats.js';
import { appendLedger, readLedger, type ImportRecord } from './imports-ledger.js';
import { importLog, newLogStats } from './log-import.js';
import { progress } from '../../functions/io/progress.js';
import { rejectLog, type RejectLog } from './rejects.js';
import type { FileReport, ImportReport } from './report.js';
import { sha256OfFile } from '../../functions/io/sha256.js';
import type { FormatName, VideoInput } from './types.js';
import { updateWorldFile } from './world-summary.js';

export type ImportOptions = {
  format: FormatName;
  input: string;
  videos?: string;
  users?: string;
  out: string;
  /** Abort (nothing written) once more rows than this are rejected; Infinity = report them all. */
  maxErrors: number;
  reportPath?: string;
  log: (line: string) => void;
};

type InputFile = { role: FileReport['role']; path: string; sha256: string; skip: boolean; rejects: RejectLog; rowsRead: number };

export type ImportResult = { report: ImportReport; reportPath?: string };

export async function runImport(o: ImportOptions): Promise<ImportResult> {
  const started = new Date();
  const files = worldFiles(o.out);
  const importer = IMPORTERS[o.format]();
  const known = new Set(readLedger(files).map((r) => r.sha256));
  const roles = [['log', o.input], ['videos', o.videos], ['users', o.users]] as const;
  const inputs: InputFile[] = [];
  for (const [role, path] of roles) {
    if (!path) continue;
    const sha256 = await sha256OfFile(path);
    inputs.push({ role, path, sha256, skip: known.has(sha256), rejects: rejectLog(), rowsRead: 0 });
  }
  const report: ImportReport = {
    status: 'imported', format: o.format, out: o.out, started_at: started.toISOString(), seconds: 0, files: [],
    events_written: null, events_duplicate: 0, event_parts: [], videos: null, users: null, notes: [], world: null,
  };
  const logStats = newLogStats();
  // The log's row count is live in logStats, so an aborted import still says how far it got.
  const rowsOf = (f: InputFile) => (f.role === 'log' && !f.skip ? logStats.rowsRead : f.rowsRead);
  const finish = (): ImportResult => {
    report.seconds = (Date.now() - started.getTime()) / 1000;
    report.files = inputs.map((f): FileReport => ({
      role: f.role, path: f.path, sha256: f.sha256, status: f.skip ? 'already_imported' : 'imported',
      rows_read: rowsOf(f), rows_rejected: f.rejects.total, rejects: f.rejects.summary(),
    }));
    return { report };
  };
  if (inputs.every((f) => f.skip)) {
    report.status = 'already_imported';
    return finish();
  }

  const file = (role: InputFile['role']) => inputs.find((f) => f.role === role && !f.skip);
  const onReject = () => {
    if (inputs.reduce((a, f) => a + f.rejects.total, 0) > o.maxErrors) throw new TooManyRejectsError(o.maxErrors);
  };
  const [logFile, vf, uf] = [file('log'), file('videos'), file('users')];
  const sink = eventSink(files, `import-${(logFile?.sha256 ?? '').slice(0, 12)}`);
  try {
    const videoTable = vf ? await readVideoTable(importer.readVideos(vf.path), vf, onReject) : new Map<string, StagedRow<VideoInput>>();
    const userTable = uf ? await readUserTable(importer.readUsers(uf.path), uf, onReject) : new Map();
    if (logFile) {
      const ctx = { videoDurationSec: (id: string) => videoTable.get(id)?.row.duration_sec };
      const label = `${o.format} ${logFile.path}`;
      await importLog(importer.readLog(logFile.path, ctx), sink, logFile.rejects, onReject, progress(label, { log: o.log, everyMs: 5_000 }), logStats);
      report.events_written = logStats.written;
      report.events_duplicate = logStats.duplicates;
      report.notes.push(...importer.notes());
    }
    const eventsAdded = Object.values(logStats.written).reduce((a, b) => a + b, 0);

    const videos = await loadCatalog<Video>(files.videos, 'video_id');
    const users = await loadCatalog<User>(files.users, 'user_id');
    report.videos = mergeVideos(videos, videoTable, logStats.seenVideos, importer);
    report.users = mergeUsers(users, userTable, logStats.seenUsers, importer, logStats.minTs);

    // Every phase passed: only now does anything land in the world folder.
    report.event_parts = await sink.commit();
    await writeCatalog(files.videos, videos.values());
    await writeCatalog(files.users, users.values());
    const now = new Date().toISOString();
    await appendLedger(files, inputs.filter((f) => !f.skip).map((f): ImportRecord => ({
      sha256: f.sha256, path: f.path, role: f.role, format: o.format, imported_at: now,
      rows_read: rowsOf(f), rows_rejected: f.rejects.total, ...(f.role === 'log' ? { events_written: eventsAdded } : {}),
    })));
    report.world = await updateWorldFile(files, {
      source: o.format, users: users.size, videos: videos.size, eventsAdded, minTs: logStats.minTs, maxTs: logStats.maxTs,
      regions: [...users.values()].map((u) => u.region),
      categories: [...videos.values()].map((v) => v.category),
    });
  } catch (err) {
    await sink.abort();
    if (!(err instanceof TooManyRejectsError)) throw err;
    report.status = 'aborted';
    report.error = err.message;
  }
  const result = finish();
  const reportPath = o.reportPath ?? join(o.out, `import-report-${o.format}-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  await mkdir(dirname(reportPath), { recursive: true });
  await writeFile(reportPath, JSON.stringify(result.report, null, 2) + '\n');
  return { ...result, reportPath };
}

// The import report: a JSON document with every reject's line number (capped per reason), and the
// human summary printed at the end of a run.
import type { EventType } from '../../models/schemas.js';
import type { CatalogCounts } from './catalog-merge.js';
import type { RejectSummary } from './rejects.js';
import type { WorldSummary } from './world-summary.js';

export const SUMMARY_LINES_PER_REASON = 10;

export type FileReport = {
  role: 'log' | 'videos' | 'users';
  path: string;
  sha256: string;
  status: 'imported' | 'already_imported';
  rows_read: number;
  rows_rejected: number;
  rejects: RejectSummary;
};

export type ImportReport = {
  status: 'imported' | 'already_imported' | 'aborted';
  format: string;
  out: string;
  started_at: string;
  seconds: number;
  files: FileReport[];
  events_written: Record<EventType, number> | null;
  events_duplicate: number;
  event_parts: string[];
  videos: CatalogCounts | null;
  users: CatalogCounts | null;
  notes: string[];
  world: WorldSummary | null;
  error?: string;
};

const n = (x: number) => x.toLocaleString('en-US');

export function summaryLines(r: ImportReport): string[] {
  const lines = [`import ${r.format} → ${r.out}: ${r.status} in ${r.seconds.toFixed(1)} s`];
  for (const f of r.files) {
    if (f.status === 'already_imported') {
      lines.push(`  ${f.role} ${f.path}: already imported (sha256 ${f.sha256.slice(0, 12)}), skipped`);
      continue;
    }
    lines.push(`  ${f.role} ${f.path}: ${n(f.rows_read)} rows read, ${n(f.rows_rejected)} rejected`);
    for (const [reason, x] of Object.entries(f.rejects)) {
      const first = x.lines.slice(0, SUMMARY_LINES_PER_REASON).join(', ');
      lines.push(`    rejected ${n(x.count)} × ${reason} (lines ${first}${x.count > SUMMARY_LINES_PER_REASON ? ', …' : ''})`);
    }
  }
  if (r.events_written) {
    const total = Object.values(r.events_written).reduce((a, b) => a + b, 0);
    const byType = Object.entries(r.events_written).filter(([, c]) => c > 0).map(([t, c]) => `${t} ${n(c)}`).join(', ');
    lines.push(`  events written: ${n(total)} (${byType || 'none'}); ${n(r.events_duplicate)} duplicates skipped; ${r.event_parts.length} part files`);
  }
  for (const [what, c] of [['videos', r.videos], ['users', r.users]] as const) {
    if (!c) continue;
    lines.push(
      `  ${what}: ${n(c.added)} added, ${n(c.updated)} updated, ${n(c.unchanged)} unchanged from the table; ` +
        `${n(c.inferred)} inferred from the log with placeholder fields` +
        (what === 'videos' ? `; ${n(c.durationDefaulted)} with the default duration` : ''),
    );
  }
  for (const note of r.notes) lines.push(`  note: ${note}`);
  if (r.world) lines.push(`  world: ${n(r.world.users)} users, ${n(r.world.videos)} videos, ${n(r.world.events)} events, ${r.world.start} .. ${r.world.end}`);
  if (r.error) lines.push(`  error: ${r.error}`);
  return lines;
}

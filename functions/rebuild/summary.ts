// The one-screen summary a rebuild ends with: stage times and peak memory, then the figures.
import type { RebuildResult } from '../jobs/rebuild.js';

export function printRebuildSummary(r: RebuildResult, log: (l: string) => void = console.log) {
  log(`\nrebuild ${r.version} (${r.build.lists ?? '?'})`);
  log('  stage            seconds   peak RSS MB');
  for (const t of r.timings) log(`  ${t.stage.padEnd(15)} ${t.seconds.toFixed(1).padStart(8)}   ${String(t.peak_rss_mb).padStart(11)}`);
  const total = r.timings.reduce((s, t) => s + t.seconds, 0);
  log(`  ${'total'.padEnd(15)} ${total.toFixed(1).padStart(8)}`);
  const skip = /^stage_/;
  const rows = Object.entries(r.build).filter(([k]) => !skip.test(k));
  for (let i = 0; i < rows.length; i += 3) log('  ' + rows.slice(i, i + 3).map(([k, v]) => `${k}: ${v}`).join(' · '));
}

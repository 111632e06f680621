// The one-screen summary printed at the end of `npm run generate`.
import type { WorldResult } from './generate-world.js';

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const n = (x: number) => x.toLocaleString('en');

export function formatReport(r: WorldResult): string {
  const s = r.summary;
  return [
    `world written to ${r.dir}/ (${r.params.catalog} catalogue, seed ${r.seed})`,
    `  window       ${r.start.slice(0, 10)} .. ${r.end.slice(0, 10)} (${r.days.length} days)`,
    `  catalogue    ${n(r.counts.users)} users · ${n(r.counts.videos)} videos · ${n(r.counts.creators)} creators`,
    `  events       ${n(s.events)} in ${r.counts.event_parts} parts · ${r.seconds.toFixed(1)} s · ${n(r.eventsPerSecond)} ev/s`,
    `  by type      ${Object.entries(s.counts).map(([k, v]) => `${k} ${n(v)}`).join(' · ')}`,
    `  view rate    ${pct(s.view_rate)} of impressions · median watch ratio ${s.median_watch_ratio.toFixed(3)} · full views ${pct(s.full_view_share)}`,
    `  per view     like ${pct(s.like_per_view)} · share ${pct(s.share_per_view)} · comment ${pct(s.comment_per_view)}`,
    `  dislikes     ${pct(s.dislike_per_impression)} of impressions · follows ${n(s.follows)}`,
    `  new users    ${n(s.new_users.users)}: ${s.new_users.views_per_user} views/user, mean ratio ${s.new_users.mean_watch_ratio}` +
      ` (others ${s.established_users.views_per_user}, ${s.established_users.mean_watch_ratio})`,
  ].join('\n');
}

// The chart sections of the HTML report: one bar chart per metric and cutoff across list kinds, the
// Lorenz curves of creator exposure, and the build's funnel when its summary has the counts.
import type { Funnel } from './funnel.js';
import type { KindMetrics } from './kind-metrics.js';
import { markup, type Markup } from './markup.js';
import { METRIC_DEFINITIONS } from './metric-definitions.js';
import { svgBars } from './svg-bars.js';
import { svgFunnel } from './svg-funnel.js';
import { svgLorenz } from './svg-lorenz.js';

export const KIND_COLORS: Record<string, string> = { lists: '#2f6db5', trending: '#e07b27', oracle: '#3a9a4a' };
const OTHER_COLOR = '#7a5aa8';
export const kindColor = (kind: string) => KIND_COLORS[kind] ?? OTHER_COLOR;

/** The list kinds that were measured (the oracle is null without truth). */
export type MeasuredKinds = [kind: string, metrics: KindMetrics][];
export const measured = (metrics: Record<string, KindMetrics | null>): MeasuredKinds =>
  Object.entries(metrics).filter((e): e is [string, KindMetrics] => e[1] !== null);

export function barSections(kinds: MeasuredKinds, cutoffs: readonly number[]): Markup[] {
  return cutoffs.map((k) => {
    const charts = METRIC_DEFINITIONS.map((d) =>
      svgBars(
        kinds.map(([kind, m]) => ({ label: kind, value: m.at_k[String(k)]?.[d.key] ?? Number.NaN, color: kindColor(kind) })),
        { title: `${d.label}@${k}` },
      ),
    );
    return markup`<h3>At k = ${k}</h3><div class="charts">${charts}</div>`;
  });
}

export function lorenzSection(kinds: MeasuredKinds, cutoffs: readonly number[]): Markup {
  const charts = cutoffs.map((k) =>
    svgLorenz(
      kinds.flatMap(([kind, m]) => {
        const at = m.at_k[String(k)];
        return at ? [{ label: kind, color: kindColor(kind), points: at.creator_lorenz, gini: at.creator_gini }] : [];
      }),
      { title: `Creator exposure over top-${k} slots` },
    ),
  );
  return markup`<div class="charts">${charts}</div>`;
}

export function funnelSection(funnel: Funnel | null): Markup {
  if (!funnel) return markup`<p>The staged build’s summary has no per-user list counts: no funnel.</p>`;
  const sources = funnel.top_sources_per_user.map((s) => ({ label: s.stage, value: s.value, color: KIND_COLORS.lists! }));
  return markup`<div class="charts">
${svgFunnel(funnel.users, { title: 'Users' })}
${svgFunnel(funnel.items_per_user, { title: 'Items per user (lists)' })}
${sources.length ? svgBars(sources, { title: 'Items per staged list by the source that placed them', width: Math.max(320, 80 * sources.length), height: 180 }) : ''}
</div>`;
}

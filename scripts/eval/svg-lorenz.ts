// Lorenz curves as inline SVG: share of creators (least exposed first) against their share of top-k
// slots, one polyline per list kind over the diagonal of equal exposure. The further a curve sags
// below the diagonal, the more the slots go to few creators (its Gini is twice that area).
import type { LorenzPoint } from './creator-exposure.js';
import { formatValue, markup, px, type Markup } from './markup.js';

export type LorenzSeries = { label: string; color: string; points: readonly LorenzPoint[]; gini: number };
export type LorenzOptions = { title: string; size?: number };

export const LORENZ_MARGIN = { top: 28, right: 12, bottom: 34, left: 40 } as const;

export function svgLorenz(series: readonly LorenzSeries[], o: LorenzOptions): Markup {
  const plot = o.size ?? 240;
  const m = LORENZ_MARGIN;
  const W = m.left + plot + m.right;
  const H = m.top + plot + m.bottom;
  const X = (x: number) => px(m.left + x * plot);
  const Y = (y: number) => px(m.top + (1 - y) * plot);
  const ticks = [0, 0.5, 1].map(
    (t) => markup`<text class="tick" x="${X(t)}" y="${Y(0) + 14}" text-anchor="middle">${t}</text><text class="tick" x="${m.left - 4}" y="${Y(t) + 4}" text-anchor="end">${t}</text>`,
  );
  const curves = series.map((s) => markup`<polyline class="curve" fill="none" stroke="${s.color}" stroke-width="2" points="${s.points.map(([x, y]) => `${X(x)},${Y(y)}`).join(' ')}"><title>${s.label}: Gini ${formatValue(s.gini)}</title></polyline>`);
  const legend = series.map(
    (s, i) => markup`<g class="legend"><line x1="${X(0.04)}" y1="${Y(0.95) + i * 16}" x2="${X(0.12)}" y2="${Y(0.95) + i * 16}" stroke="${s.color}" stroke-width="3"/><text x="${X(0.14)}" y="${Y(0.95) + i * 16 + 4}">${s.label} (Gini ${formatValue(s.gini)})</text></g>`,
  );
  return markup`<svg xmlns="http://www.w3.org/2000/svg" class="chart lorenz" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${o.title}">
<text class="title" x="${W / 2}" y="16" text-anchor="middle">${o.title}</text>
<rect class="frame" x="${X(0)}" y="${Y(1)}" width="${plot}" height="${plot}" fill="none" stroke="#888"/>
<line class="equality" x1="${X(0)}" y1="${Y(0)}" x2="${X(1)}" y2="${Y(1)}" stroke="#aaa" stroke-dasharray="4 3"/>
${ticks}
<text class="axis-label" x="${X(0.5)}" y="${H - 4}" text-anchor="middle">share of creators, least exposed first</text>
<text class="axis-label" x="10" y="${Y(0.5)}" text-anchor="middle" transform="rotate(-90 10 ${Y(0.5)})">share of slots</text>
${curves}
${legend}
</svg>`;
}

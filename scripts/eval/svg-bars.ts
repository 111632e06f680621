// A bar chart as inline SVG: one bar per label, heights proportional to the values from a zero
// baseline (the metrics are all ≥ 0), each value written above its bar. Drawn here rather than with a
// chart library because the report must be one self-contained file with no script.
import { formatValue, markup, px, type Markup } from './markup.js';

export type Bar = { label: string; value: number; color: string };
export type BarsOptions = { title: string; width?: number; height?: number; format?: (v: number) => string };

export const BAR_MARGIN = { top: 30, bottom: 22, side: 8 } as const;
/** Share of each bar's slot the bar fills. */
const FILL = 0.6;

/** Negative and non-finite values draw no bar (the label says n/a for the latter). */
const drawable = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);

export function svgBars(bars: readonly Bar[], o: BarsOptions): Markup {
  const W = o.width ?? 220;
  const H = o.height ?? 150;
  const fmt = o.format ?? formatValue;
  const plotH = H - BAR_MARGIN.top - BAR_MARGIN.bottom;
  const baseY = BAR_MARGIN.top + plotH;
  const max = Math.max(0, ...bars.map((b) => drawable(b.value)));
  const slot = (W - 2 * BAR_MARGIN.side) / Math.max(1, bars.length);
  const drawn = bars.map((b, i) => {
    const h = max > 0 ? (drawable(b.value) / max) * plotH : 0;
    const x = BAR_MARGIN.side + i * slot + (slot * (1 - FILL)) / 2;
    const mid = px(BAR_MARGIN.side + (i + 0.5) * slot);
    return markup`<rect class="bar" x="${px(x)}" y="${px(baseY - h)}" width="${px(slot * FILL)}" height="${px(h)}" fill="${b.color}"><title>${b.label}: ${fmt(b.value)}</title></rect>
<text class="value" x="${mid}" y="${px(baseY - h - 3)}" text-anchor="middle">${fmt(b.value)}</text>
<text class="label" x="${mid}" y="${H - 6}" text-anchor="middle">${b.label}</text>`;
  });
  return markup`<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${o.title}">
<text class="title" x="${W / 2}" y="14" text-anchor="middle">${o.title}</text>
<line class="axis" x1="${BAR_MARGIN.side}" y1="${baseY}" x2="${W - BAR_MARGIN.side}" y2="${baseY}" stroke="#888"/>
${drawn}
</svg>`;
}

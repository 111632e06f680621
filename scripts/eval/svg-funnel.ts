// A funnel as inline SVG: one horizontal bar per stage, centred, widths proportional to the values,
// with the stage named on the left and its value at the bar's end.
import type { FunnelStage } from './funnel.js';
import { formatValue, markup, px, type Markup } from './markup.js';

export type FunnelOptions = { title: string; width?: number; labelWidth?: number; rowHeight?: number; color?: string; format?: (v: number) => string };

export const FUNNEL_TOP = 26;

export function svgFunnel(stages: readonly FunnelStage[], o: FunnelOptions): Markup {
  const W = o.width ?? 700;
  const labelW = o.labelWidth ?? 310;
  const row = o.rowHeight ?? 26;
  const fmt = o.format ?? ((v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : formatValue(v)));
  const plotW = W - labelW - 70;
  const H = FUNNEL_TOP + stages.length * row + 6;
  const max = Math.max(0, ...stages.map((s) => (Number.isFinite(s.value) && s.value > 0 ? s.value : 0)));
  const rows = stages.map((s, i) => {
    const w = max > 0 && s.value > 0 ? (s.value / max) * plotW : 0;
    const x = labelW + (plotW - w) / 2;
    const y = FUNNEL_TOP + i * row;
    return markup`<text class="label" x="${labelW - 6}" y="${px(y + row * 0.62)}" text-anchor="end">${s.stage}</text>
<rect class="stage" x="${px(x)}" y="${px(y + 2)}" width="${px(w)}" height="${px(row - 4)}" fill="${o.color ?? '#2f6db5'}"><title>${s.stage}: ${fmt(s.value)}</title></rect>
<text class="value" x="${px(labelW + plotW / 2 + w / 2 + 4)}" y="${px(y + row * 0.62)}">${fmt(s.value)}</text>`;
  });
  return markup`<svg xmlns="http://www.w3.org/2000/svg" class="chart funnel" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${o.title}">
<text class="title" x="${W / 2}" y="16" text-anchor="middle">${o.title}</text>
${rows}
</svg>`;
}

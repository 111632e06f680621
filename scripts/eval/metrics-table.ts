// The full metrics as text for the terminal: one row per metric at each cutoff, one column per list
// kind (the HTML report has the same table with definitions and charts).
import type { KindMetrics } from './kind-metrics.js';
import { formatValue } from './markup.js';
import { METRIC_DEFINITIONS } from './metric-definitions.js';

const COL = 10;
const NAME = 24;

export function metricsTable(metrics: Record<string, KindMetrics | null>, cutoffs: readonly number[]): string[] {
  const kinds = Object.keys(metrics);
  const lines = [`${'metric'.padEnd(NAME)}${kinds.map((k) => k.padStart(COL)).join('')}`];
  for (const k of cutoffs)
    for (const d of METRIC_DEFINITIONS) {
      const cells = kinds.map((kind) => {
        const v = metrics[kind]?.at_k[String(k)]?.[d.key];
        return (v === undefined ? '—' : formatValue(v)).padStart(COL);
      });
      lines.push(`${`${d.label}@${k}`.padEnd(NAME)}${cells.join('')}`);
    }
  return lines;
}

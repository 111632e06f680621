// Turns the source chain's evidence into the response's `fallback` (and x-edgefeed-fallback header).
import type { SourceStep, StepReport } from './types.js';

export type Fallback = { reason: string; detail: string };

export const FALLBACK_HEADER = 'x-edgefeed-fallback';

/** The first step that declares a fallbackReason and did not deliver names the fallback. */
export function fallbackFromChain<Q>(steps: SourceStep<Q>[], chain: StepReport[]): Fallback | null {
  for (const [i, step] of steps.entries()) {
    const report = chain[i];
    if (!step.fallbackReason || !report || report.status === 'ok') continue;
    const served = chain.filter((r) => r.status === 'ok').map((r) => r.source);
    const detail = `${report.source} ${report.status}${report.detail ? ` (${report.detail})` : ''}; served by ${
      served.length ? served.join(', ') : 'nothing'
    }`;
    return { reason: `${step.fallbackReason}-${report.status}`, detail };
  }
  return null;
}

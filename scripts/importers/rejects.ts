// Every rejected row is counted by reason with its line number; nothing is dropped silently. Line
// numbers kept per reason are capped so a file of millions of bad rows cannot exhaust memory.
export const MAX_LINES_PER_REASON = 10_000;

export type RejectSummary = Record<string, { count: number; lines: number[]; lines_truncated: boolean }>;

export type RejectLog = {
  add(lineNo: number, reason: string): void;
  readonly total: number;
  summary(): RejectSummary;
};

export function rejectLog(maxLinesPerReason = MAX_LINES_PER_REASON): RejectLog {
  const byReason = new Map<string, { count: number; lines: number[] }>();
  let total = 0;
  return {
    add(lineNo, reason) {
      total++;
      let r = byReason.get(reason);
      if (!r) byReason.set(reason, (r = { count: 0, lines: [] }));
      r.count++;
      if (r.lines.length < maxLinesPerReason) r.lines.push(lineNo);
    },
    get total() {
      return total;
    },
    summary() {
      const out: RejectSummary = {};
      for (const [reason, r] of [...byReason].sort((a, b) => b[1].count - a[1].count)) {
        out[reason] = { count: r.count, lines: r.lines, lines_truncated: r.count > r.lines.length };
      }
      return out;
    },
  };
}

// Delimited text (CSV/TSV, delimiter detected from the header) as rows keyed by header name.
// Records are one physical line in every format we import, so rows are parsed line by line: a stray
// quote can only spoil its own line, and each reject carries its exact line number.
import { parse } from 'csv-parse/sync';
import { FormatError } from './errors.js';
import { readTextLines } from './text-lines.js';

export type CsvRecord = { lineNo: number; get(column: string): string | undefined } | { lineNo: number; reject: string };
export type CsvFile = { header: string[]; delimiter: string; rows: AsyncGenerator<CsvRecord> };

const DELIMITERS = ['\t', ',', ';', '|'] as const;

export function detectDelimiter(headerLine: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = headerLine.split(d).length - 1;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

// A prototype method bound per row: cheaper than a fresh closure on the hot path.
class RowView {
  constructor(
    private readonly fields: string[],
    private readonly index: Map<string, number>,
  ) {}
  get(column: string): string | undefined {
    const i = this.index.get(column);
    return i === undefined ? undefined : this.fields[i]!.trim();
  }
}

function splitLine(line: string, delimiter: string): string[] {
  // Fast path: quote-free lines (all log rows) split directly; quoted ones go through csv-parse.
  if (!line.includes('"')) return line.split(delimiter);
  const rows = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
  return rows[0] ?? [];
}

/**
 * Opens a header-first delimited file. `required` lists alternatives: each entry is satisfied when any
 * of its names is a column. A missing one means the file is not this format: FormatError.
 */
export async function openCsv(path: string, required: (string | string[])[], what: string): Promise<CsvFile> {
  const lines = readTextLines(path);
  const first = await lines.next();
  if (first.done) throw new FormatError(path, `empty file, expected a ${what} header`);
  const delimiter = detectDelimiter(first.value.line);
  const header = splitLine(first.value.line.replace(/^\uFEFF/, ''), delimiter).map((h) => h.trim());
  const missing = required.filter((r) => !(Array.isArray(r) ? r : [r]).some((c) => header.includes(c)));
  if (missing.length > 0) {
    await lines.return(undefined);
    const names = missing.map((m) => (Array.isArray(m) ? m.join(' or ') : m)).join(', ');
    throw new FormatError(path, `not a ${what}: header lacks ${names} (header: ${first.value.line.slice(0, 120)})`);
  }
  const index = new Map(header.map((h, i) => [h, i]));
  async function* rows(): AsyncGenerator<CsvRecord> {
    for await (const { line, lineNo } of lines) {
      if (line.includes('\uFFFD')) {
        yield { lineNo, reject: 'bad_utf8: invalid UTF-8 bytes' };
        continue;
      }
      let fields: string[];
      try {
        fields = splitLine(line, delimiter);
      } catch (err) {
        yield { lineNo, reject: `bad_csv: ${(err as Error).message.split('\n')[0]}` };
        continue;
      }
      if (fields.length !== header.length) {
        yield { lineNo, reject: `column_count: expected ${header.length} fields` };
        continue;
      }
      const row = new RowView(fields, index);
      yield { lineNo, get: row.get.bind(row) };
    }
  }
  return { header, delimiter, rows: rows() };
}

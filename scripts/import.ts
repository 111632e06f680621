// `npm run import`: turns KuaiRand / MovieLens / NDJSON logs into a world folder. Exit 0 on success
// (rejects are reported, not fatal), 1 on a usage or format error (nothing written), 2 when
// --max-errors was exceeded (nothing written but the report).
import { parseImportArgs } from './importers/cli-args.js';
import { ImportError } from './importers/errors.js';
import { summaryLines } from './importers/report.js';
import { runImport } from './importers/run-import.js';

const log = (line: string) => console.error(line);

try {
  const options = parseImportArgs(process.argv.slice(2), log);
  const { report, reportPath } = await runImport(options);
  for (const line of summaryLines(report)) console.log(line);
  if (reportPath) console.log(`  report: ${reportPath}`);
  process.exitCode = report.status === 'aborted' ? 2 : 0;
} catch (err) {
  if (!(err instanceof ImportError)) throw err;
  console.error(`import failed: ${err.message}`);
  process.exitCode = 1;
}

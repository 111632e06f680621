// `npm run generate -- --users N --videos M --days D --seed S [--out DIR] [--start YYYY-MM-DD]
//  [--catalog synthetic|kuairand] [--catalog-dir PATH] [--sessions X] [--part-rows N]`
import { parseArgs } from 'node:util';
import { generateWorld } from './world/generate-world.js';
import { WorldError } from './world/errors.js';
import { formatReport } from './world/report.js';
import type { CatalogKind } from './world/types.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string' },
    videos: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    start: { type: 'string' },
    catalog: { type: 'string' },
    'catalog-dir': { type: 'string' },
    sessions: { type: 'string' },
    'part-rows': { type: 'string' },
  },
});
const num = (s: string | undefined) => (s === undefined ? undefined : Number(s.replace(/_/g, '')));

try {
  const result = await generateWorld({
    users: num(values.users),
    videos: num(values.videos),
    days: num(values.days),
    seed: num(values.seed),
    out: values.out,
    start: values.start,
    catalog: values.catalog as CatalogKind | undefined,
    catalogDir: values['catalog-dir'],
    sessionScale: num(values.sessions),
    maxRowsPerPart: num(values['part-rows']),
  });
  console.log(formatReport(result));
} catch (err) {
  if (!(err instanceof WorldError)) throw err;
  console.error(`generate: ${err.message}`);
  process.exitCode = 2;
}

// The formats the import CLI knows, by name.
import { kuairandImporter } from './kuairand.js';
import { movielensImporter } from './movielens.js';
import { ndjsonImporter } from './ndjson-format.js';
import type { FormatName, Importer } from './types.js';

export const IMPORTERS: Record<FormatName, () => Importer> = {
  kuairand: kuairandImporter,
  movielens: movielensImporter,
  ndjson: ndjsonImporter,
};

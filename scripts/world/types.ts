// Shapes shared inside the generator (the public contract stays in models/schemas.ts).
import type { DEVICES } from '../../models/schemas.js';

export type Device = (typeof DEVICES)[number];
export type CatalogKind = 'synthetic' | 'kuairand';

export type WorldOptions = {
  users: number;
  videos: number;
  days: number;
  seed: number;
  out: string;
  /** First day of the window, ISO date (UTC midnight). */
  start: string;
  catalog: CatalogKind;
  /** Folder holding the KuaiRand tables; defaults to the committed copy. */
  catalogDir?: string;
  /** Multiplies every user's session rate (1 = the calibrated default). */
  sessionScale: number;
  /** Rows per event part file before a new part starts. */
  maxRowsPerPart: number;
  log: (line: string) => void;
};

// Which trending lists a request may use: the `region` it asks for; else the client's country, then
// continent (Cloudflare's request.cf, lower-cased like the catalogue's regions: 'us', 'eu') where such
// a list exists; then DEFAULT_REGION. The global list is the pipeline's last step, never listed here.
import { GLOBAL_REGION } from '../../models/keys.js';

export type RegionChoice = { region: string; tryRegions: string[] };
export type CfGeo = { country?: unknown; continent?: unknown } | undefined;

const code = (v: unknown) => (typeof v === 'string' && /^[A-Za-z]{2}$/.test(v) ? v.toLowerCase() : null);

export function chooseRegions(requested: string | undefined, cf: CfGeo, defaultRegion: string): RegionChoice {
  const guessed = [code(cf?.country), code(cf?.continent)].filter((r): r is string => r !== null);
  const ordered = requested ? [requested] : [...guessed, defaultRegion];
  const tryRegions = [...new Set(ordered)].filter((r) => r !== GLOBAL_REGION);
  return { region: requested ?? defaultRegion, tryRegions };
}

// The CSP hash source is the standard sha256 of the exact text, and the policy allows nothing inline
// but those hashes and nothing remote.
import { describe, expect, it } from 'vitest';
import { cspHash, demoCsp } from './csp.js';

describe('cspHash', () => {
  it('is the base64 sha256 of the text (the empty string is the FIPS 180-2 test vector)', async () => {
    expect(await cspHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(await cspHash('a')).not.toBe(await cspHash('a '));
  });
});

describe('demoCsp', () => {
  it('allows only its own origin and the given hashes', () => {
    const csp = demoCsp({ scriptHash: "'sha256-S'", styleHash: "'sha256-C'" });
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({ 'default-src': "'none'", 'script-src': "'sha256-S'", 'style-src': "'sha256-C'", 'connect-src': "'self'" });
    expect(csp).not.toMatch(/unsafe|\*|https?:|data:/);
  });
});

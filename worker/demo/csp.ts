// The demo page's Content-Security-Policy: nothing from anywhere but its own origin, and inline script
// and style only by the sha256 of their exact text (the page is static, so a hash beats a per-response nonce).

/** A CSP hash source, `'sha256-<base64>'`, for an inline element whose body is exactly `text`. */
export async function cspHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

export function demoCsp(o: { scriptHash: string; styleHash: string }): string {
  return [
    "default-src 'none'",
    `script-src ${o.scriptHash}`,
    `style-src ${o.styleHash}`,
    // The API the page calls; nothing else.
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

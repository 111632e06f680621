// HTML and SVG for the report, built with hono's `html` tagged template, which escapes every
// interpolated string (nested markup passes through). The report is built synchronously, so an
// interpolated promise is a bug.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Markup = HtmlEscapedString;
export { raw };

export function markup(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  const m = html(strings, ...values);
  if (m instanceof Promise) throw new Error('markup: a promise was interpolated; the report is built synchronously');
  return m;
}

/** A coordinate rounded to 0.01, which keeps the SVG short. */
export const px = (x: number) => Math.round(x * 100) / 100;

/** A metric value for a label or a table cell: 4 decimals below 10, 1 above, n/a when not finite. */
export const formatValue = (x: number) => (!Number.isFinite(x) ? 'n/a' : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(4));

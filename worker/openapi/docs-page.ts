// The /docs page: the OpenAPI document rendered to one static HTML page on the server. No script,
// no stylesheet from elsewhere (the page must work offline and under a strict CSP); a UI package
// such as Swagger UI is not installed and would need a CDN or a bundled asset.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { constraints, typeParts, type SummaryPart } from './schema-summary.js';
import type { JsonSchema, OpenApiDocument, Operation, Parameter } from './types.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const anchor = (name: string) => `schema-${name}`;
const parts = (ps: SummaryPart[]) => ps.map((p) => (typeof p === 'string' ? p : html`<a href="#${anchor(p.ref)}">${p.ref}</a>`));
const schemaCell = (s: JsonSchema) => html`<code>${parts(typeParts(s))}</code>`;
const description = (s: JsonSchema) => (typeof s.description === 'string' ? s.description : '');

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}code{font-size:.9em}.method{font-weight:700;text-transform:uppercase}section{margin-bottom:2rem}`;

function parameterTable(params: Parameter[]): Html {
  const rows = params.map(
    (p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td>
      <td>${schemaCell(p.schema)}</td><td>${constraints(p.schema).join(', ')}</td><td>${p.description ?? ''}</td></tr>`,
  );
  return html`<table><tr><th>parameter</th><th>in</th><th>required</th><th>type</th><th>constraints</th><th>description</th></tr>${rows}</table>`;
}

function operationSection(path: string, method: string, op: Operation): Html {
  const security = op.security?.map((r) => (Object.keys(r).length ? Object.keys(r).join(' + ') : 'none')).join(' or ');
  const responses = Object.entries(op.responses).map(([status, r]) => {
    const schema = r.content?.['application/json']?.schema;
    return html`<li><b>${status}</b> ${r.description}${schema ? html` → ${schemaCell(schema)}` : ''}</li>`;
  });
  const body = op.requestBody?.content['application/json']?.schema;
  return html`<section id="${op.operationId}">
    <h2><span class="method">${method}</span> <code>${path}</code></h2>
    <p>${op.summary}${op.description ? html`. ${op.description}` : ''}</p>
    ${security ? html`<p>Authentication: ${security}</p>` : ''}
    ${op.parameters?.length ? parameterTable(op.parameters) : ''}
    ${body ? html`<p>Request body (application/json): ${schemaCell(body)}</p>` : ''}
    <ul>${responses}</ul>
  </section>`;
}

function schemaSection(name: string, schema: JsonSchema): Html {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
  const required = new Set((schema.required ?? []) as string[]);
  const rows = properties.map(
    ([prop, s]) => html`<tr><td><code>${prop}</code></td><td>${required.has(prop) ? 'yes' : 'no'}</td>
      <td>${schemaCell(s)}</td><td>${constraints(s).join(', ')}</td><td>${description(s)}</td></tr>`,
  );
  return html`<section id="${anchor(name)}"><h3>${name}</h3><p>${description(schema)}</p>
    ${properties.length
      ? html`<table><tr><th>field</th><th>required</th><th>type</th><th>constraints</th><th>description</th></tr>${rows}</table>`
      : html`<p>${schemaCell(schema)}</p>`}
  </section>`;
}

export function renderDocsPage(doc: OpenApiDocument): Html {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => operationSection(path, method, op as Operation)),
  );
  const schemes = Object.entries(doc.components.securitySchemes).map(([name, s]) => html`<li><b>${name}</b>: ${s.description}</li>`);
  const schemas = Object.entries(doc.components.schemas).map(([name, s]) => schemaSection(name, s));
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${doc.info.title} API ${doc.info.version}</title><style>${STYLE}</style></head>
<body><h1>${doc.info.title} API <small>${doc.info.version}</small></h1><p>${doc.info.description}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI ${doc.openapi}).</p>
<h2>Authentication</h2><ul>${schemes}</ul>
${operations}
<h2>Schemas</h2>${schemas}
</body></html>`;
}

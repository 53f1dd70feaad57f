import { html } from 'hono/html';

type Json = Record<string, any>;

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];

const schemaText = (schema: Json | undefined): string => {
  if (!schema) return '';
  const { description: _description, ...rest } = schema;
  return JSON.stringify(rest);
};

function operationSection(path: string, method: string, op: Json) {
  const body = op.requestBody?.content?.['application/json']?.schema;
  const params: Array<{ name: string; where: string; required: boolean; schema: Json }> = [
    ...(op.parameters ?? []).map((p: Json) => ({ name: p.name, where: p.in, required: p.required, schema: p.schema })),
    ...Object.entries((body?.properties ?? {}) as Record<string, Json>).map(([name, schema]) => ({
      name,
      where: 'body',
      required: (body.required ?? []).includes(name),
      schema,
    })),
  ];
  const responses = Object.entries(op.responses as Record<string, Json>);
  return html`<section id="${op.operationId}">
    <h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    <p>${op.summary} · <code>${op.operationId}</code> · scope <code>${op['x-appwrite'].scope}</code>${op['x-appwrite'].rpc
      ? html` · RPC <code>${op['x-appwrite'].rpc}</code>`
      : ''}</p>
    ${op.description ? html`<p>${op.description}</p>` : ''}
    ${params.length
      ? html`<table>
          <tr><th>param</th><th>in</th><th>constraints</th><th>when invalid</th></tr>
          ${params.map(
            (p) => html`<tr><td><code>${p.name}</code>${p.required ? ' *' : ''}</td><td>${p.where}</td><td><code>${schemaText(p.schema)}</code></td><td>${p.schema.description ?? ''}</td></tr>`,
          )}
        </table>`
      : ''}
    <ul>
      ${responses.map(
        ([status, r]) => html`<li><b>${status}</b> ${r.content && !r['x-appwrite-error-types'] ? html`<a href="#model-${r.description}">${r.description}</a>` : ''}
          ${r['x-appwrite-error-types'] ? html`<code>${(r['x-appwrite-error-types'] as string[]).join(', ')}</code>` : r.content ? '' : r.description}</li>`,
      )}
    </ul>
  </section>`;
}

/**
 * The API reference as one self-contained HTML page, rendered from the OpenAPI document: no script
 * and no request to any other host.
 */
export function referencePage(doc: Json): string {
  const paths = Object.entries(doc.paths as Record<string, Json>);
  const sections = paths.flatMap(([path, methods]) =>
    METHOD_ORDER.filter((m) => methods[m]).map((m) => ({ path, method: m, op: methods[m] as Json })),
  );
  const byTag = (tag: string) => sections.filter((s) => s.op.tags[0] === tag);
  const models = Object.entries(doc.components.schemas as Record<string, Json>);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} — reference</title>
<style>
:root{color-scheme:light dark;font:15px/1.5 system-ui,sans-serif}
body{max-width:70rem;margin:auto;padding:1rem}
code{font:13px ui-monospace,monospace;word-break:break-all}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #8884;padding:.25rem .5rem;text-align:left;vertical-align:top}
.m{font:bold 12px monospace;padding:.1rem .4rem;border-radius:.25rem;background:#8883}
.get{color:#2a7}.post{color:#27c}.put,.patch{color:#c80}.delete{color:#c33}
section{border-top:1px solid #8884;padding:.5rem 0}
</style></head><body>
<h1>${doc.info.title}</h1>
<p>${doc.info.description} Version ${doc.info.version}. Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI ${doc.openapi}).</p>
${(doc.tags as Json[]).map(
  (tag) => html`<h2>${tag.name}</h2><p>${tag.description}</p>${byTag(tag.name).map((s) => operationSection(s.path, s.method, s.op))}`,
)}
<h2>Models</h2>
${models.map(([name, schema]) => html`<h3 id="model-${name}">${name}</h3><pre><code>${JSON.stringify(schema, null, 2)}</code></pre>`)}
</body></html>`.toString() as string;
}

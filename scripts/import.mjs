#!/usr/bin/env node
// npm run import -- <file> --from firebase|auth0|supabase|kratos|ndjson [--hash-config F] [--dry-run]
//                   [--endpoint URL --project P --key K | --local] [--batch N] [--checkpoint F] [--report F]
// npm run import -- --from appwrite --source-endpoint URL --source-project P --source-key K [target options]
// Reads an export, sends it to POST /v1/users/import in batches (1000 rows), draws a progress bar
// (rows/s, ETA) on stderr, keeps a checkpoint so a rerun resumes after the last committed batch,
// and writes every failed row (with its error) to a report file. README "Import readers".
import { existsSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { headers, parseArgs, targetOf } from './import/target.mjs';

const READERS = ['firebase', 'auth0', 'supabase', 'kratos', 'ndjson', 'appwrite'];
const options = parseArgs(process.argv.slice(2));
const fail = (message) => {
  console.error(message);
  process.exit(2);
};
if (!READERS.includes(options.from)) fail(`--from must be one of ${READERS.join(', ')}`);
const live = options.from === 'appwrite';
const file = options._[0];
if (!live && !file) fail('Give the export file to read.');
const target = (() => {
  try {
    return targetOf(options);
  } catch (error) {
    return fail(error.message);
  }
})();
const batchSize = Math.min(1000, Number(options.batch ?? 1000));
const dryRun = options.dryRun === true;
const checkpointFile = options.checkpoint ?? `${live ? `appwrite-${options.sourceProject}` : file}.import-checkpoint.json`;
const reportFile = options.report ?? `${live ? `appwrite-${options.sourceProject}` : file}.import-report.ndjson`;

/** Where the last run stopped: rows of the file already committed, or the source's cursor. */
const checkpoint = !dryRun && existsSync(checkpointFile) ? JSON.parse(readFileSync(checkpointFile, 'utf8')) : { done: 0, cursor: null };
if (checkpoint.done > 0) console.error(`Resuming after ${checkpoint.done} rows (${checkpointFile}).`);
if (checkpoint.done === 0) rmSync(reportFile, { force: true });

let total = null;
async function* rows() {
  if (live) {
    const { readLive } = await import('./import/appwrite.mjs');
    const source = { endpoint: options.sourceEndpoint, project: options.sourceProject, key: options.sourceKey };
    if (!source.endpoint || !source.project || !source.key) fail('--from appwrite needs --source-endpoint, --source-project and --source-key.');
    yield* readLive({ ...source, cursor: checkpoint.cursor, onTotal: (t) => (total ??= checkpoint.done + t) });
    return;
  }
  const reader = await import(`./import/${options.from}.mjs`);
  const all = [...reader.read(file, { hashConfig: options.hashConfig })];
  total = all.length;
  for (const [i, row] of all.entries()) if (i >= checkpoint.done) yield { row };
}

const counts = { created: 0, unchanged: 0, failed: 0 };
const started = performance.now();
let sent = 0;
function draw(done) {
  const seconds = (performance.now() - started) / 1000;
  const rate = sent / Math.max(seconds, 0.001);
  const eta = total ? Math.max(0, (total - done) / Math.max(rate, 1)) : null;
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : 0;
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}${total ? `/${total}` : ''} ${Math.round(rate)} rows/s` +
      `${eta === null ? '' : ` ETA ${eta.toFixed(0)}s`}  created ${counts.created} unchanged ${counts.unchanged} failed ${counts.failed}  `,
  );
}

async function send(batch, offset) {
  const res = await fetch(`${target.endpoint}/users/import`, {
    method: 'POST',
    headers: headers(target),
    body: JSON.stringify({ users: batch.map((b) => b.row), dryRun }),
  });
  const answer = await res.json();
  if (res.status !== 200) throw new Error(`POST /users/import answered ${res.status}: ${answer.message}`);
  for (const r of answer.results) {
    counts[r.status]++;
    if (r.status === 'failed') appendFileSync(reportFile, `${JSON.stringify({ row: offset + r.index, userId: r.userId, error: r.error, input: batch[r.index].row })}\n`);
  }
  sent += batch.length;
  if (!dryRun) writeFileSync(checkpointFile, JSON.stringify({ done: offset + batch.length, cursor: batch[batch.length - 1].cursor ?? null }));
}

let batch = [];
let offset = checkpoint.done;
for await (const item of rows()) {
  batch.push(item);
  if (batch.length === batchSize) {
    await send(batch, offset);
    offset += batch.length;
    batch = [];
    draw(offset);
  }
}
if (batch.length) await send(batch, offset), (offset += batch.length);
draw(offset);
process.stderr.write('\n');
if (!dryRun) rmSync(checkpointFile, { force: true });
console.log(
  `${dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${counts.created} created, ${counts.unchanged} unchanged, ${counts.failed} failed` +
    `${counts.failed ? ` — every failed row is in ${reportFile}` : ''}`,
);
process.exit(counts.failed ? 1 : 0);

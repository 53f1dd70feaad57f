#!/usr/bin/env node
// npm run export -- [--endpoint URL --project P --key K | --local] [--queries Q …] [--search S] [--cursor ID] > users.ndjson
// Streams GET /v1/users/export (NDJSON import rows, hashes included) to stdout. To resume an
// interrupted export, pass the last line's userId as --cursor and append to the file.
import { headers, parseArgs, targetOf } from './import/target.mjs';

const options = parseArgs(process.argv.slice(2), ['queries']);
let target;
try {
  target = targetOf(options);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const params = new URLSearchParams();
for (const q of options.queries ?? []) params.append('queries[]', q);
if (options.search) params.set('search', options.search);
if (options.cursor) params.set('cursor', options.cursor);
const res = await fetch(`${target.endpoint}/users/export?${params}`, { headers: headers(target) });
if (res.status !== 200) {
  console.error(`GET /users/export answered ${res.status}: ${(await res.json()).message}`);
  process.exit(1);
}
let lines = 0;
for await (const chunk of res.body) {
  process.stdout.write(chunk);
  lines += Buffer.from(chunk).filter((b) => b === 10).length;
}
console.error(`${lines} users exported.`);

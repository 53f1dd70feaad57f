// `npm run bench [-- name…]`: runs every bench/<name>/index.mjs (or only the named ones), in
// alphabetical order. Each exports a default async function that prints its own report.
// Benchmarks never fail on timing; they exit non-zero only when something breaks.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const suites = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'index.mjs')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

if (suites.length === 0) {
  console.error(`No benchmark matches ${only.join(', ')}.`);
  process.exit(1);
}
for (const name of suites) {
  console.log(`\n## bench/${name}\n`);
  const suite = await import(pathToFileURL(join(root, name, 'index.mjs')).href);
  await suite.default();
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * An old node-appwrite's own model types, read from the `index.d.ts` it ships (`namespace Models
 * { export type User<…> = { $id: string; registration: number; … } }`), so a response is checked
 * against what that SDK declares, not against a copy typed by hand.
 */
export type ModelTypes = Map<string, Map<string, string>>;

export function sdkModels(pkg: string): ModelTypes {
  const require = createRequire(import.meta.url);
  const dts = readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), 'index.d.ts'), 'utf8');
  const models: ModelTypes = new Map();
  for (const block of dts.matchAll(/export type (\w+)(?:<[^>]*>)? = \{([\s\S]*?)\n\s*\}/g)) {
    const fields = new Map<string, string>();
    for (const field of block[2].matchAll(/^\s*([$\w]+): ([^;]+);/gm)) fields.set(field[1], field[2].trim());
    models.set(block[1], fields);
  }
  if (!models.has('User')) throw new Error(`${pkg}: no Models.User in index.d.ts`);
  return models;
}

/**
 * Every problem of `value` as the SDK's `model`: missing or extra keys, and values whose JS type
 * differs from the declared one (`string`, `number`, `boolean`, `string[]`, `Model`, `Model[]`,
 * `Preferences`/generic objects). An empty array means the response is what the SDK expects.
 */
export function modelProblems(models: ModelTypes, model: string, value: unknown, path = model): string[] {
  // Preferences is declared empty and holds whatever the app stored.
  if (model === 'Preferences') return typeProblems(models, 'Preferences', value, path);
  const fields = models.get(model);
  if (!fields) return [`${path}: the SDK declares no model ${model}`];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
  const object = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(object)) if (!fields.has(key)) problems.push(`${path}.${key}: not in the SDK's model`);
  for (const [key, type] of fields) {
    if (!(key in object)) problems.push(`${path}.${key}: missing`);
    else problems.push(...typeProblems(models, type, object[key], `${path}.${key}`));
  }
  return problems;
}

function typeProblems(models: ModelTypes, type: string, value: unknown, path: string): string[] {
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return [`${path}: expected ${type}`];
    return value.flatMap((item, i) => typeProblems(models, type.slice(0, -2), item, `${path}[${i}]`));
  }
  if (['string', 'number', 'boolean'].includes(type)) return typeof value === type ? [] : [`${path}: expected ${type}, got ${JSON.stringify(value)}`];
  if (type === 'Preferences' || type === 'Models.Preferences' || /^[A-Z]$/.test(type) || type === 'Document') {
    return value && typeof value === 'object' && !Array.isArray(value) ? [] : [`${path}: expected an object`];
  }
  const name = type.replace(/^Models\./, '').replace(/<.*>$/, '');
  if (models.has(name)) return modelProblems(models, name, value, path);
  return [`${path}: unknown declared type ${type}`];
}

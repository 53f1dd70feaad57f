import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The SDK's own model declaration file (`index.d.ts` up to node-appwrite 11, `dist/models.d.ts` after). */
function modelsSource(pkg: string): string {
  const root = join(process.cwd(), 'node_modules', pkg);
  for (const file of ['dist/models.d.ts', 'index.d.ts']) {
    try {
      return readFileSync(join(root, file), 'utf8');
    } catch {
      // next candidate
    }
  }
  throw new Error(`no model declarations in ${pkg}`);
}

export interface ModelFields {
  required: string[];
  optional: string[];
}

/**
 * The fields an SDK generation declares for a model (`type User<…> = { … }`), read from its
 * TypeScript declarations, so each generation's responses are checked against its own types.
 */
export function sdkModels(pkg: string): (name: string) => ModelFields {
  const source = modelsSource(pkg);
  const cache = new Map<string, ModelFields>();
  return (name) => {
    const hit = cache.get(name);
    if (hit) return hit;
    const start = new RegExp(`type ${name}(<[^\\n]*?>)? = \\{`).exec(source);
    if (!start) throw new Error(`${pkg} declares no model ${name}`);
    const fields: ModelFields = { required: [], optional: [] };
    let depth = 1;
    for (const line of source.slice(start.index + start[0].length).split('\n')) {
      const trimmed = line.trim();
      if (depth === 1 && !trimmed.startsWith('*') && !trimmed.startsWith('/')) {
        const field = /^['"]?([$\w]+)['"]?(\?)?:/.exec(trimmed);
        if (field) (field[2] ? fields.optional : fields.required).push(field[1]);
      }
      depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      if (depth <= 0) break;
    }
    cache.set(name, fields);
    return fields;
  };
}

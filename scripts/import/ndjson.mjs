// Our own export (`npm run export`, GET /v1/users/export): one import row per line. Lines holding
// Appwrite user objects (`GET /v1/users` answers, one per line) are imported as they are too.
import { readFileSync } from 'node:fs';

export function* read(file) {
  for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) yield JSON.parse(line);
}

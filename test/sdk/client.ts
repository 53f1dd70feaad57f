import { Client, Users } from 'node-appwrite';
import { inject } from 'vitest';

/** An SDK client for the Worker started by the global setup. */
export function sdk(key: string | null = inject('apiKey'), project = inject('projectId')) {
  const client = new Client().setEndpoint(inject('endpoint')).setProject(project);
  if (key !== null) client.setKey(key);
  return { client, users: new Users(client) };
}

let n = 0;
export const uid = (prefix = 'sdk') => `${prefix}${Date.now().toString(36)}${(n++).toString(36)}`;

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { inject } from 'vitest';

/** The public API as the test sees it (root key), to create state and to check the console's effects. */
export async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${inject('endpoint')}${path}`, {
    method,
    headers: {
      'x-appwrite-project': inject('projectId'),
      'x-appwrite-key': inject('apiKey'),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A call that must succeed: seeding errors fail loudly here, not as puzzling UI states later. */
async function must(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const res = await api(method, path, body, headers);
  if (res.status >= 400) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

export const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

const pad = (i: number) => String(i).padStart(2, '0');
export const pagerEmail = (i: number) => `pat${pad(i)}@pager.example`;
export const pagerName = (i: number) => `Pat Pager ${pad(i)}`;

/** 12 users labelled `pager` (3 of them also `vip`), and Ada with two phone sessions and MFA codes. */
export async function seed() {
  for (let i = 1; i <= 12; i++) {
    const id = `pager${pad(i)}`;
    await must('POST', '/users', { userId: id, email: pagerEmail(i), name: pagerName(i), password: 'correct horse battery' });
    await must('PUT', `/users/${id}/labels`, { labels: i <= 3 ? ['pager', 'vip'] : ['pager'] });
  }
  await must('POST', '/users', { userId: 'ada', email: 'ada@analytical.example', phone: '+14155550100', name: 'Ada Lovelace', password: 'correct horse battery' });
  await must('PUT', '/users/ada/labels', { labels: ['vip', 'math'] });
  await must('PATCH', '/users/ada/prefs', { prefs: { theme: 'dark' } });
  for (let i = 0; i < 2; i++) await must('POST', '/users/ada/sessions', {}, { 'x-forwarded-user-agent': PHONE_UA });
  await must('PATCH', '/users/ada/mfa', { mfa: true });
  const codes = await must('PATCH', '/users/ada/mfa/recovery-codes');
  return { recoveryCodes: codes.body.recoveryCodes as string[] };
}

/** A scoped key made with the keys CLI against the Worker's local D1, as the README tells operators. */
export function scopedKey(scopes: string) {
  const out = execFileSync('npm', ['run', '-s', 'keys', '--', 'create', '--name', 'console-e2e', '--scopes', scopes, '--persist-to', inject('persistTo')], {
    encoding: 'utf8',
  });
  return /standard_[0-9a-f]{64}/.exec(out)![0];
}

export const md5 = (text: string) => createHash('md5').update(text).digest('hex');

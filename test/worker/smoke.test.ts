import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';

it('has migrations applied', async () => {
  const r = await env.DB.prepare("select count(*) as n from sqlite_master where name='users'").first<{ n: number }>();
  expect(r?.n).toBe(1);
});

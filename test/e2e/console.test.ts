import bcrypt from 'bcryptjs';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, md5, pagerEmail, pagerName, scopedKey, seed } from './api';
import { launchChromium } from './browser';

const browser = await launchChromium();
const SHOTS = 'docs/screenshots';

/** The flows of issue 13, in order, in one tab: each step starts where the previous one left off. */
describe.skipIf(!browser)('admin console in headless Chromium', () => {
  const origin = new URL(inject('endpoint')).origin;
  const requests: string[] = [];
  let page: Page;
  let seeded: Awaited<ReturnType<typeof seed>>;

  const text = (selector: string) => page.locator(selector).first().innerText({ timeout: 2_000 }).catch(() => '(absent)');
  const poll = (selector: string) => expect.poll(() => text(selector), { timeout: 15_000 });
  const field = (name: string) => page.locator(`form[data-field="${name}"]`);
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const signIn = async (key: string) => {
    await page.fill('#key', key);
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    page = await browser!.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    page.on('request', (r) => requests.push(r.url()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('serves the page publicly with a CSP that allows this origin only', async () => {
    const res = await fetch(`${origin}/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('shows the API error inline for a wrong key, then signs in with the keyboard alone', async () => {
    await page.goto(`${origin}/console`);
    expect(await page.inputValue('#project')).toBe(inject('projectId'));
    // The key field has focus: type and press Enter, no mouse.
    await page.keyboard.type('standard_wrong');
    await page.keyboard.press('Enter');
    await poll('[role=alert]').toContain('(user_unauthorized, 401)');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(inject('apiKey'));
    await page.keyboard.press('Enter');
    await poll('h1').toBe('Users');
    await poll('#results').toContain('No users yet');
    expect(await page.evaluate('sessionStorage.length')).toBe(1);
  });

  it('searches by an e-mail fragment', async () => {
    seeded = await seed();
    await page.reload();
    await poll('#total').toBe('13 users');
    await page.fill('#search', 'at07@');
    await poll('#total').toBe('1 user');
    expect(await text('table.users tbody')).toContain(pagerEmail(7));
    await page.fill('#search', '');
    await poll('#total').toBe('13 users');
    await shot('users-list');
  });

  it('sorts by a column, both ways', async () => {
    const names = () => page.locator('table.users tbody td[data-label=Name]').allInnerTexts();
    await page.getByRole('button', { name: 'Sort by Name' }).click();
    await expect.poll(names).toEqual(['Ada Lovelace', ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(pagerName)]);
    await page.getByRole('button', { name: 'Sort by Name' }).click();
    await expect.poll(names).toEqual([...[12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map(pagerName), 'Ada Lovelace']);
    expect(await page.getAttribute('th[aria-sort]', 'aria-sort')).toBe('descending');
    await page.getByRole('button', { name: 'Reset search, filters and sort' }).click();
    await expect.poll(names).toEqual([...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(pagerName), 'Ada Lovelace']);
  });

  it('filters by label', async () => {
    await page.fill('#label', 'vip');
    await page.keyboard.press('Tab');
    await poll('#total').toBe('4 users');
    const names = await page.locator('table.users tbody td[data-label=Name]').allInnerTexts();
    expect(names).toEqual([pagerName(1), pagerName(2), pagerName(3), 'Ada Lovelace']);
  });

  it('pages with the cursor and shows the total', async () => {
    await page.fill('#label', 'pager');
    await page.keyboard.press('Tab');
    await page.selectOption('#limit', '5');
    await poll('#range').toBe('1–5 of 12');
    const names = () => page.locator('table.users tbody td[data-label=Name]').allInnerTexts();
    const next = page.getByRole('button', { name: 'Next' });
    const previous = page.getByRole('button', { name: 'Previous' });
    await next.click();
    await poll('#range').toBe('6–10 of 12');
    expect(await names()).toEqual([6, 7, 8, 9, 10].map(pagerName));
    await next.click();
    await poll('#range').toBe('11–12 of 12');
    expect(await names()).toEqual([11, 12].map(pagerName));
    expect(await next.isDisabled()).toBe(true);
    await previous.click();
    await poll('#range').toBe('6–10 of 12');
    expect(await names()).toEqual([6, 7, 8, 9, 10].map(pagerName));
    const listCalls = requests.filter((u) => u.includes('/v1/users?')).map(decodeURIComponent);
    expect(listCalls.some((u) => u.includes('"method":"cursorAfter","values":["pager05"]'))).toBe(true);
    expect(listCalls.some((u) => u.includes('"method":"cursorBefore","values":["pager11"]'))).toBe(true);
  });

  it('opens a user', async () => {
    await page.fill('#label', '');
    await page.keyboard.press('Tab');
    await page.fill('#search', 'ada@analytical');
    await poll('#total').toBe('1 user');
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await poll('h1').toBe('Ada Lovelace');
    await poll('#sessions').toContain('Chrome');
    await poll('#logs-h + div').toContain('user.create');
    await shot('user-detail');
  });

  it('edits the name', async () => {
    await field('name').locator('input').fill('Ada King');
    await field('name').getByRole('button', { name: 'Save' }).click();
    await poll('#user-name').toBe('Ada King');
    expect((await api('GET', '/users/ada')).body.name).toBe('Ada King');
  });

  it("shows Appwrite's message inline on a failed save and keeps what was typed", async () => {
    await field('email').locator('input').fill(pagerEmail(1));
    await field('email').getByRole('button', { name: 'Save' }).click();
    // The e-mail belongs to another user's target: Appwrite's conflict, word for word.
    await expect.poll(() => field('email').locator('[role=alert]').innerText()).toBe('A target with the same ID already exists. (user_target_already_exists, 409)');
    expect(await field('email').locator('input').inputValue()).toBe(pagerEmail(1));
    expect((await api('GET', '/users/ada')).body.email).toBe('ada@analytical.example');
  });

  it('edits prefs, refusing invalid JSON before sending', async () => {
    const sent = () => requests.filter((u) => u.endsWith('/v1/users/ada/prefs')).length;
    await page.fill('#prefs', '{"theme": ');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await poll('#prefs-h ~ .msg').toContain('Invalid JSON, not sent');
    expect(sent()).toBe(0);
    expect(await page.inputValue('#prefs')).toBe('{"theme": ');
    await page.fill('#prefs', '{"theme": "light", "beta": true}');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await poll('#prefs-h ~ .msg').toBe('Saved.');
    expect((await api('GET', '/users/ada/prefs')).body).toEqual({ theme: 'light', beta: true });
  });

  it('blocks and unblocks', async () => {
    await page.getByRole('button', { name: 'Block user' }).click();
    await poll('#status-text').toBe('Blocked');
    expect((await api('GET', '/users/ada')).body.status).toBe(false);
    await page.getByRole('button', { name: 'Unblock user' }).click();
    await poll('#status-text').toBe('Active');
    expect((await api('GET', '/users/ada')).body.status).toBe(true);
  });

  it('revokes a session', async () => {
    const { body } = await api('GET', '/users/ada/sessions');
    expect(body.total).toBe(2);
    const rows = page.locator('#sessions tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().innerText()).toMatch(/Chrome 126[\s\S]*Android 14/);
    await page.getByRole('button', { name: `Revoke session ${body.sessions[0].$id}` }).click();
    await expect.poll(() => rows.count()).toBe(1);
    const after = await api('GET', '/users/ada/sessions');
    expect(after.body.sessions.map((s: { $id: string }) => s.$id)).toEqual([body.sessions[1].$id]);
  });

  it('regenerates recovery codes', async () => {
    await page.getByRole('button', { name: 'Regenerate recovery codes' }).click();
    const codes = page.locator('#recovery-codes li');
    await expect.poll(() => codes.count()).toBeGreaterThan(0);
    const shown = await codes.allInnerTexts();
    expect(shown).not.toEqual(seeded.recoveryCodes);
    expect((await api('GET', '/users/ada/mfa/recovery-codes')).body.recoveryCodes).toEqual(shown);
  });

  it('deletes with a confirmation that names the user', async () => {
    await page.getByRole('button', { name: 'Delete user…' }).click();
    await poll('dialog').toContain('Delete Ada King (ada@analytical.example)?');
    await page.keyboard.press('Escape');
    expect((await api('GET', '/users/ada')).status).toBe(200);
    await page.getByRole('button', { name: 'Delete user…' }).click();
    await page.getByRole('button', { name: 'Delete Ada King' }).click();
    await poll('h1').toBe('Users');
    expect((await api('GET', '/users/ada')).status).toBe(404);
  });

  it('creates users with a plain password and with an imported hash', async () => {
    await page.goto(`${origin}/console#/create`);
    await poll('h1').toBe('Create user');
    await shot('create-user');
    await page.fill('#new-userId', 'grace');
    await page.fill('#new-name', 'Grace Hopper');
    await page.fill('#new-email', 'grace@navy.example');
    await page.fill('#new-password', 'cobol forever 1959');
    await page.getByRole('button', { name: 'Create user' }).click();
    await poll('h1').toBe('Grace Hopper');

    await page.goto(`${origin}/console#/create`);
    await page.fill('#new-userId', 'linus');
    await page.fill('#new-email', 'linus@kernel.example');
    await page.selectOption('#new-mode', 'md5');
    await page.fill('#new-password', md5('penguin rules'));
    await page.getByRole('button', { name: 'Create user' }).click();
    await poll('#user-name').toBe('linus');
    const login = await api('POST', '/account/sessions/email', { email: 'linus@kernel.example', password: 'penguin rules' }, { 'x-appwrite-key': '' });
    expect(login.status).toBe(201);
    expect((await api('GET', '/users/grace')).body.name).toBe('Grace Hopper');
  });

  it('imports an NDJSON file: dry-run report with the failed row, then commit', async () => {
    const rows = [
      { userId: 'imp-plain', email: 'plain@import.example', name: 'Plain Import', password: 'plain text pass 1' },
      { userId: 'imp-bcrypt', email: 'bcrypt@import.example', name: 'Bcrypt Import', hash: { algorithm: 'bcrypt', value: bcrypt.hashSync('bcrypt pass 2', 10) } },
      { userId: 'imp-bad', email: 'not-an-email', name: 'Bad Row' },
      { userId: 'imp-profile', email: 'profile@import.example', emailVerification: true, labels: ['imported'] },
    ];
    const imports = () => requests.filter((u) => u.endsWith('/v1/users/import')).length;
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await poll('h1').toBe('Import users');
    const upload = (name: string, text: string) => page.setInputFiles('#import-file', { name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
    await upload('broken.ndjson', `${JSON.stringify(rows[0])}\n{"userId": `);
    await poll('#import-file ~ .msg').toMatch(/^Line 2 is not JSON \(.+\); nothing was sent\.$/);
    expect(imports()).toBe(0);
    await upload('users.ndjson', rows.map((r) => JSON.stringify(r)).join('\n'));
    await poll('#dry-run [data-count=failed]').toBe('1');
    expect(await text('#dry-run [data-count=created]')).toBe('3');
    const failedRow = await page.locator('#dry-run tbody tr').allInnerTexts();
    expect(failedRow).toEqual([expect.stringMatching(/^3\s+imp-bad\s+not-an-email\s+Invalid `email` param: Value must be a valid email address \(general_argument_invalid\)$/)]);
    expect((await api('GET', '/users/imp-bcrypt')).status).toBe(404);

    await page.getByRole('button', { name: 'Commit 4 rows' }).click();
    await poll('#commit [data-count=created]').toBe('3');
    expect(await text('#commit [data-count=failed]')).toBe('1');
    expect(await text('#commit .rate')).toMatch(/^4 \/ 4 rows · \d+ rows\/s$/);
    expect(await text('#commit tbody')).toContain('imp-bad');
    expect(imports()).toBe(2);
    await shot('import');
    expect((await api('GET', '/users/imp-bad')).status).toBe(404);
    expect((await api('GET', '/users/imp-profile')).body).toMatchObject({ emailVerification: true, labels: ['imported'] });
    for (const [email, password] of [['bcrypt@import.example', 'bcrypt pass 2'], ['plain@import.example', 'plain text pass 1']]) {
      const login = await api('POST', '/account/sessions/email', { email, password }, { 'x-appwrite-key': '' });
      expect(login.status, email).toBe(201);
    }
  });

  it('sends a large file in requests of at most 1000 rows and 50 plaintexts, with progress', async () => {
    // 51 plaintexts then 1001 rows without a password: 50 | 1000 | 2 rows.
    const rows = Array.from({ length: 1052 }, (_, i) => ({ userId: `bulk${i}`, email: `bulk${i}@import.example`, ...(i < 51 ? { password: `bulk password ${i}` } : {}) }));
    const before = requests.filter((u) => u.endsWith('/v1/users/import')).length;
    await page.setInputFiles('#import-file', { name: 'bulk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rows)) });
    await poll('#import-file ~ .msg').toBe('1052 rows read, 51 with a plaintext password: 3 request(s).');
    await poll('#dry-run [data-count=created]').toBe('1052');
    await page.getByRole('button', { name: 'Commit 1052 rows' }).click();
    await expect.poll(() => text('#commit [data-count=created]'), { timeout: 50_000 }).toBe('1052');
    expect(await text('#commit .rate')).toMatch(/^1052 \/ 1052 rows · \d+ rows\/s$/);
    expect(requests.filter((u) => u.endsWith('/v1/users/import')).length - before).toBe(6);
    expect((await api('GET', '/users/bulk1051')).status).toBe(200);
    const login = await api('POST', '/account/sessions/email', { email: 'bulk50@import.example', password: 'bulk password 50' }, { 'x-appwrite-key': '' });
    expect(login.status).toBe(201);
  }, 90_000);

  it('exports every user as an NDJSON download', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export users (NDJSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^users-${inject('projectId')}-\\d{4}-\\d{2}-\\d{2}\\.ndjson$`));
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const { body } = await api('GET', '/users', undefined);
    expect(lines.length).toBe(body.total);
    // imp-bcrypt signed in above, so it is argon2id by now (re-hashed on sign-in).
    expect(lines.find((r) => r.userId === 'imp-bcrypt').hash).toMatchObject({ algorithm: 'argon2' });
    expect(lines.find((r) => r.userId === 'imp-profile')).toMatchObject({ email: 'profile@import.example', labels: ['imported'], hash: null });
    await poll('.export .msg').toBe(`${body.total} users saved as ${download.suggestedFilename()}.`);
  });

  it("disables what a scoped key's scopes do not allow, with a note", async () => {
    const key = scopedKey('users.read');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await poll('h1').toBe('Sign in');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await signIn(key);
    await poll('h1').toBe('Users');
    await poll('#scope-banner').toContain('users.write');
    await page.goto(`${origin}/console#/users/pager01`);
    await poll('#user-name').toBe(pagerName(1));
    expect(await field('name').locator('input').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Block user' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Delete user…' }).isDisabled()).toBe(true);
    await poll('section[aria-labelledby=targets-h]').toContain('This key lacks the targets.read scope');
    await poll('.card.locked').toContain('This key lacks the users.write scope');
    await shot('scoped-key');
  });

  it('disables Import for a key without users.write, and still exports', async () => {
    const link = page.locator('#nav-import');
    expect(await link.getAttribute('aria-disabled')).toBe('true');
    expect(await link.getAttribute('href')).toBeNull();
    expect(await link.getAttribute('title')).toBe('This key lacks the users.write scope');
    await page.goto(`${origin}/console#/import`);
    await poll('h1').toBe('Import users');
    expect(await page.locator('#import-file').isDisabled()).toBe(true);
    await poll('.card.locked').toContain('This key lacks the users.write scope');
    expect(await page.getByRole('button', { name: 'Export users (NDJSON)' }).isDisabled()).toBe(false);
  });

  it('fits a phone-sized screen, in dark mode too', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.fill('#search', '');
    await poll('#total').toBe('1069 users');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot('mobile-users');
  });

  it('made no request to any other host', () => {
    expect(requests.length).toBeGreaterThan(20);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { call } from './helpers/api';

describe('GET /console (the admin console)', () => {
  it('serves the page without a project or key, prefilled with the project id, under a same-origin-only CSP', async () => {
    const res = await call('GET', '/console', { project: null, key: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<body data-project="default">');
    expect(res.text).toContain('<script src="/console/app.js" defer></script>');
    expect(res.text).not.toMatch(/<script>|style=|https?:\/\//);
    const csp = res.headers.get('content-security-policy');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
  });

  it('is not stopped by an unknown project or key, which the console reports itself', async () => {
    const res = await call('GET', '/console/', { project: 'nope', key: 'standard_wrong' });
    expect(res.status).toBe(200);
  });

  it('serves the script and the stylesheet with their types', async () => {
    const js = await call('GET', '/console/app.js', { project: null, key: null });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(() => new Function(js.text)).not.toThrow();
    expect(js.text).toContain("'X-Appwrite-Key': session.key");
    const css = await call('GET', '/console/app.css', { project: null, key: null });
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.text).toContain('prefers-color-scheme: dark');
  });

  it('leaves other methods and paths to the API: they still need a project and key', async () => {
    expect((await call('POST', '/console', { project: null, key: null })).body.type).toBe('general_route_not_found');
    expect((await call('GET', '/console/nothing', { project: 'nope' })).body.type).toBe('project_not_found');
  });
});

import { Hono } from 'hono';
import { loadConfig } from '../config';
import { consoleScript } from './client';
import { shell } from './shell';
import { styles } from './styles';

/**
 * `GET /console`: the admin console. The page is public (it holds no data); every action runs in
 * the browser against the public `/v1` API with the key the user pastes, so the Worker never sees
 * the key here. The CSP allows this origin only: no request may leave for another host.
 */
export const consoleRoutes = new Hono<{ Bindings: Env }>({ strict: false });

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const headers = (contentType: string) => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
});

consoleRoutes.get('/', (c) => new Response(shell(loadConfig(c.env).projectId), { headers: headers('text/html; charset=utf-8') }));
consoleRoutes.get('/app.js', () => new Response(consoleScript, { headers: headers('text/javascript; charset=utf-8') }));
consoleRoutes.get('/app.css', () => new Response(styles, { headers: headers('text/css; charset=utf-8') }));

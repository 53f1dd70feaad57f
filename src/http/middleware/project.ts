import { createMiddleware } from 'hono/factory';
import { loadConfig } from '../../config';
import { AppwriteError } from '../../errors/appwrite-error';
import { formatBefore, parseResponseFormat } from '../../models/response-format';
import { createDatabase } from '../../store/database';
import type { AppEnv } from '../app-env';
import { readRequestParams } from '../request-params';
import { APPWRITE_VERSION } from '../../errors/envelope';

/**
 * Reads config and params, then resolves the project (`project` param, else
 * `X-Appwrite-Project`). An empty id means Appwrite's `console` project, which has no keys:
 * the key middleware turns that into the same outcomes Appwrite gives.
 */
export const project = createMiddleware<AppEnv>(async (c, next) => {
  const config = loadConfig(c.env);
  c.set('config', config);
  c.set('db', createDatabase(c.env.DB));
  c.set('format', parseResponseFormat(c.req.header('x-appwrite-response-format')));
  const params = await readRequestParams(c);
  c.set('params', params);
  const projectId = typeof params.project === 'string' && params.project ? params.project : (c.req.header('x-appwrite-project') ?? '');
  if (projectId !== '' && projectId !== config.projectId) throw new AppwriteError('project_not_found');
  c.set('projectId', projectId);
  await next();
  const format = c.get('format');
  if (!formatBefore(format, APPWRITE_VERSION) && format.text !== APPWRITE_VERSION) {
    c.header(
      'X-Appwrite-Warning',
      `The current SDK is built for Appwrite ${format.text}. However, the current Appwrite server version is ${APPWRITE_VERSION}. Please downgrade your SDK to match the Appwrite version: https://appwrite.io/docs/sdks`,
    );
  }
});

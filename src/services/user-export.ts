import { AppwriteError } from '../errors/appwrite-error';
import { compileQueries, listPage, parseQueries, usersCollection, type PageClauses } from '../queries';
import { users, type UserRow } from '../store/schema';
import type { ServiceContext } from './context';

/** Users per D1 read while exporting. */
export const EXPORT_PAGE_SIZE = 500;

export interface ExportUsersInput {
  queries: string[];
  search: string | null;
  /** Resume after this user (the last `userId` a previous export wrote). */
  cursor: string | null;
}

/** A user in the row shape `POST /v1/users/import` takes: exporting and importing again changes nothing. */
export function exportRow(user: UserRow) {
  return {
    userId: user.id,
    email: user.email || null,
    phone: user.phone || null,
    name: user.name,
    emailVerification: user.emailVerification,
    phoneVerification: user.phoneVerification,
    status: user.status,
    labels: user.labels,
    prefs: user.prefs,
    hash: user.password ? { algorithm: user.hash, value: user.password, options: user.hashOptions } : null,
  };
}

const q = (method: string, values: unknown[]) => JSON.stringify({ method, values });

/**
 * `GET /v1/users/export`: NDJSON of every user the filters match, read page by page as the client
 * reads the stream. The first page is read before answering, so bad queries or a missing cursor are
 * still a 400; later pages continue from the last user sent.
 */
export async function exportUsers(ctx: ServiceContext, input: ExportUsersInput): Promise<ReadableStream<Uint8Array>> {
  const own = parseQueries(input.queries, usersCollection).find((query) => ['limit', 'offset', 'cursorAfter', 'cursorBefore'].includes(query.method));
  if (own) {
    throw new AppwriteError(
      'general_argument_invalid',
      `Invalid \`queries\` param: the export reads every matching user page by page; ${own.method} is not allowed (resume with the \`cursor\` param).`,
    );
  }
  const page = (after: string | null) =>
    compileQueries([...input.queries, q('limit', [EXPORT_PAGE_SIZE]), ...(after ? [q('cursorAfter', [after])] : [])], usersCollection, {
      search: input.search,
    });
  const rowsOf = (p: PageClauses) =>
    ctx.db.select().from(users).where(p.where).orderBy(...p.orderBy).limit(p.limit).offset(p.offset);
  let rows: UserRow[] = (await listPage(ctx.db, page(input.cursor), rowsOf)).rows;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((u) => `${JSON.stringify(exportRow(u))}\n`).join('')));
      if (rows.length < EXPORT_PAGE_SIZE) return controller.close();
      const next = page(rows[rows.length - 1].id);
      rows = await rowsOf(next);
    },
  });
}

import { eq } from 'drizzle-orm';
import type { Database } from './database';
import { users } from './schema';

/** One statement: the user's stored id, or no row (for 404 checks inside a batch). */
export const selectUserId = (db: Database, id: string) => db.select({ id: users.id }).from(users).where(eq(users.id, id));

export async function userExists(db: Database, id: string): Promise<boolean> {
  return (await selectUserId(db, id)).length > 0;
}

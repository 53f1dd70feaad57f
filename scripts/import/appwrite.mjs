// Live migration from an Appwrite server (or another instance of this one): pages through its
// GET /v1/users with the official node-appwrite SDK. Each user object carries its hash
// (`password`), algorithm (`hash`) and `hashOptions`, and POST /v1/users/import takes it as it is.
import { Client, Query, Users } from 'node-appwrite';

const PAGE = 100;

/** Yields `{ row, cursor }`: the cursor after the row, for a checkpoint to resume from. */
export async function* readLive({ endpoint, project, key, cursor = null, onTotal }) {
  const users = new Users(new Client().setEndpoint(endpoint).setProject(project).setKey(key));
  let after = cursor;
  for (;;) {
    const page = await users.list([Query.limit(PAGE), ...(after ? [Query.cursorAfter(after)] : [])]);
    onTotal?.(page.total);
    for (const user of page.users) {
      const { targets: _t, mfa: _m, accessedAt: _a, ...row } = user;
      yield { row, cursor: user.$id };
    }
    if (page.users.length < PAGE) return;
    after = page.users[page.users.length - 1].$id;
  }
}

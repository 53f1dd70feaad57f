import { userAt } from '../seed-users.mjs';

const q = (method, attribute, values) => JSON.stringify({ method, attribute, values });
const params = (queries, search) => {
  const p = new URLSearchParams();
  queries.forEach((query, i) => p.append(`queries[${i}]`, query));
  if (search !== undefined) p.append('search', search);
  return p.toString();
};

/**
 * What is measured at each size. Selective filters look for one "needle" user (the middle one);
 * broad filters (status, passwordUpdate, emailVerification, labels…) match a fixed share of all
 * users, so their matches grow with the table — the total is capped at 5000 as Appwrite does.
 */
export function scenarios(n) {
  const needle = userAt(Math.floor(n / 2), n);
  const recent = userAt(n - 50, n);
  const early = userAt(50, n);
  const window = userAt(Math.floor(n / 2) + 25, n);
  const [localPart] = needle.email.split('@');
  return [
    { name: 'filter $id equal', params: params([q('equal', '$id', [needle.id])]) },
    { name: 'filter $createdAt greaterThan (last 50)', params: params([q('greaterThan', '$createdAt', [recent.registration])]) },
    { name: 'filter $updatedAt lessThan (first ~50)', params: params([q('lessThan', '$updatedAt', [early.registration])]) },
    { name: 'filter name equal', params: params([q('equal', 'name', [needle.name])]) },
    { name: 'filter email equal', params: params([q('equal', 'email', [needle.email])]) },
    { name: 'filter phone startsWith', params: params([q('startsWith', 'phone', [needle.phone.slice(0, 11)])]) },
    { name: 'filter status equal false (5%)', params: params([q('equal', 'status', [false])]) },
    { name: 'filter passwordUpdate isNull (30%)', params: params([q('isNull', 'passwordUpdate')]) },
    { name: 'filter registration between (25)', params: params([q('between', 'registration', [needle.registration, window.registration])]) },
    { name: 'filter emailVerification equal true (50%)', params: params([q('equal', 'emailVerification', [true])]) },
    { name: 'filter phoneVerification equal true (1%)', params: params([q('equal', 'phoneVerification', [true])]) },
    { name: 'filter labels contains vip (10%)', params: params([q('contains', 'labels', ['vip'])]) },
    { name: 'filter email contains fragment', params: params([q('contains', 'email', [localPart.slice(-8)])]) },
    { name: 'sort orderAsc name', params: params([q('orderAsc', 'name')]) },
    { name: 'sort orderDesc registration', params: params([q('orderDesc', 'registration')]) },
    { name: 'cursor paging orderAsc name, 50 pages of 25', walk: walk([q('orderAsc', 'name')], 25, 50) },
    { name: 'cursor paging to the end, 100 per page', walk: walk([], 100, Infinity) },
    { name: 'search word (a last name, 1%)', params: params([], 'Kowalski') },
    { name: 'search word (the needle name)', params: params([], needle.name) },
    { name: 'search email fragment', params: params([], `${localPart.slice(-10)}@`) },
    { name: 'search phone fragment', params: params([], needle.phone.slice(5, 12)) },
  ];
}

/** Pages with cursorAfter from the first page: the request for a given cursor, and a page cap. */
const walk = (orders, size, maxPages) => ({
  maxPages,
  params: (cursor) => params([...orders, q('limit', undefined, [size]), ...(cursor ? [q('cursorAfter', undefined, [cursor])] : [])]),
});

/** The users table: live search, filters, sort, cursor paging with the total. */
export const usersListScreen = String.raw`
const COLUMNS = [
  ['name', 'Name', 'name'],
  ['email', 'E-mail', 'email'],
  ['phone', 'Phone', 'phone'],
  ['status', 'Status', 'status'],
  ['verification', 'Verification', 'emailVerification'],
  ['labels', 'Labels', null],
  ['created', 'Created', '$createdAt'],
  ['accessed', 'Last activity', null],
];

/** Kept across screens, so returning from a user finds the list as it was left. */
const LIST_DEFAULTS = { search: '', status: '', verified: '', label: '', from: '', to: '', limit: 25, sort: '', desc: false, page: 0, cursor: null, before: false };
const listState = Object.assign({}, LIST_DEFAULTS);
let listRequest = 0;

function listQueries() {
  const s = listState;
  const queries = [query('limit', null, [s.limit])];
  if (s.status) queries.push(query('equal', 'status', [s.status === 'active']));
  if (s.verified) {
    const [attribute, value] = s.verified.split(':');
    queries.push(query('equal', attribute, [value === 'yes']));
  }
  if (s.label) queries.push(query('contains', 'labels', [s.label]));
  const from = s.from && new Date(s.from + 'T00:00:00').toISOString();
  const to = s.to && new Date(s.to + 'T23:59:59.999').toISOString();
  if (from && to) queries.push(query('between', '$createdAt', [from, to]));
  else if (from) queries.push(query('greaterThanEqual', '$createdAt', [from]));
  else if (to) queries.push(query('lessThanEqual', '$createdAt', [to]));
  if (s.sort) queries.push(query(s.desc ? 'orderDesc' : 'orderAsc', s.sort));
  if (s.cursor) queries.push(query(s.before ? 'cursorBefore' : 'cursorAfter', null, [s.cursor]));
  return queries;
}

function filtered() {
  const s = listState;
  return !!(s.search || s.status || s.verified || s.label || s.from || s.to);
}

function firstPage() {
  listState.page = 0;
  listState.cursor = null;
}

function usersListScreen() {
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  const line = messageLine();
  const field = (label, control) => h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control);
  const bind = (control, key, live) => {
    control.addEventListener(live ? 'input' : 'change', () => {
      listState[key] = key === 'limit' ? Number(control.value) : control.value;
      firstPage();
      live ? debounce(load) : load();
    });
    return control;
  };
  const select = (id, key, options) => bind(h('select', { id: id }, options.map(([v, t]) => h('option', { value: v, text: t, selected: listState[key] === v }))), key);
  const filters = h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); firstPage(); load(); } },
    field('Search', bind(h('input', { id: 'search', type: 'search', value: listState.search, placeholder: 'name, e-mail, phone, id, label', autocomplete: 'off' }), 'search', true)),
    field('Status', select('status', 'status', [['', 'Any'], ['active', 'Active'], ['blocked', 'Blocked']])),
    field('Verified', select('verified', 'verified', [['', 'Any'], ['emailVerification:yes', 'E-mail verified'], ['emailVerification:no', 'E-mail not verified'], ['phoneVerification:yes', 'Phone verified'], ['phoneVerification:no', 'Phone not verified']])),
    field('Label', bind(h('input', { id: 'label', value: listState.label, autocomplete: 'off' }), 'label')),
    field('Created from', bind(h('input', { id: 'from', type: 'date', value: listState.from }), 'from')),
    field('Created to', bind(h('input', { id: 'to', type: 'date', value: listState.to }), 'to')),
    field('Per page', bind(h('select', { id: 'limit' }, [5, 10, 25, 50, 100].map((n) => h('option', { value: n, text: n, selected: listState.limit === n }))), 'limit')),
    h('div', { class: 'field reset' }, h('button', { type: 'button', text: 'Reset', 'aria-label': 'Reset search, filters and sort', onclick: () => {
      Object.assign(listState, LIST_DEFAULTS);
      usersListScreen();
    } })));
  let timer;
  const debounce = (fn) => {
    clearTimeout(timer);
    timer = setTimeout(fn, 250);
  };

  async function load() {
    const mine = ++listRequest;
    say(line, 'Loading…');
    try {
      const page = await api('GET', '/users', { queries: listQueries(), search: listState.search.trim() });
      if (mine !== listRequest) return;
      say(line, '');
      results.replaceChildren(renderPage(page, load));
    } catch (e) {
      if (mine === listRequest) say(line, errorText(e), 'error');
    }
  }

  show(h('div', { class: 'head' }, h('h1', { text: 'Users' }), h('div', { class: 'row' }, exportControl(), h('a', { class: 'button', href: '#/create', text: 'Create user' }))),
    can('users.read') ? [filters, line, results] : scopeNote('users.read'));
  if (can('users.read')) load();
}

function sortButton(label, attribute, reload) {
  const active = listState.sort === attribute;
  return h('button', { type: 'button', class: 'sort', 'aria-label': 'Sort by ' + label, onclick: () => {
    listState.desc = active ? !listState.desc : false;
    listState.sort = attribute;
    firstPage();
    reload();
  } }, label, h('span', { class: 'arrow', 'aria-hidden': 'true', text: active ? (listState.desc ? ' ▼' : ' ▲') : ' ↕' }));
}

function renderPage(page, reload) {
  const s = listState;
  if (!page.users.length && s.page === 0) {
    if (filtered()) return h('div', { class: 'empty' }, h('p', { text: 'No users match these filters.' }));
    return h('div', { class: 'empty' },
      h('p', { text: 'No users yet.' }),
      h('p', null, 'Create the first one with ', h('a', { href: '#/create', text: 'Create user' }), ', or from code: ', h('code', { text: 'POST /v1/users' }), ' with an API key.'));
  }
  const first = s.page * s.limit + 1;
  const last = s.page * s.limit + page.users.length;
  const head = h('tr', null, COLUMNS.map(([, label, attribute]) => h('th', {
    scope: 'col',
    'aria-sort': attribute && s.sort === attribute ? (s.desc ? 'descending' : 'ascending') : null,
  }, attribute ? sortButton(label, attribute, reload) : label)));
  const rows = page.users.map((u) => h('tr', null, COLUMNS.map(([key, label]) => h('td', { 'data-label': label }, h('span', null, cell(u, key))))));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('span', { id: 'range', text: first + '–' + last + ' of ' + page.total }),
    h('button', { type: 'button', text: 'Previous', disabled: s.page === 0, onclick: () => {
      s.page -= 1;
      s.cursor = s.page === 0 ? null : page.users[0].$id;
      s.before = true;
      reload();
    } }),
    h('button', { type: 'button', text: 'Next', disabled: last >= page.total || page.users.length < s.limit, onclick: () => {
      s.page += 1;
      s.cursor = page.users[page.users.length - 1].$id;
      s.before = false;
      reload();
    } }));
  return h('div', null,
    h('p', { id: 'total', text: page.total + (page.total === 1 ? ' user' : ' users') }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'users' }, h('caption', { class: 'sr-only', text: 'Users' }), h('thead', null, head), h('tbody', null, rows))),
    pager);
}

function cell(u, key) {
  switch (key) {
    case 'name': return h('a', { href: '#/users/' + encodeURIComponent(u.$id), text: u.name || u.$id });
    case 'email': return u.email || '—';
    case 'phone': return u.phone || '—';
    case 'status': return h('span', { class: 'badge ' + (u.status ? 'ok' : 'bad'), text: u.status ? 'Active' : 'Blocked' });
    case 'verification': return [u.emailVerification ? 'E-mail ✓' : 'E-mail ✗', ' ', u.phoneVerification ? 'Phone ✓' : 'Phone ✗'];
    case 'labels': return u.labels.map((l) => h('span', { class: 'chip', text: l }));
    case 'created': return formatDate(u.$createdAt);
    case 'accessed': return formatDate(u.accessedAt);
  }
}
`;

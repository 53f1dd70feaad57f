/** One user: summary, profile fields, status and verification, labels, prefs, delete. */
export const userDetailScreen = String.raw`
async function userDetailScreen(userId) {
  const line = messageLine();
  show(h('h1', { text: 'User' }), line);
  let user;
  try {
    user = await api('GET', '/users/' + encodeURIComponent(userId));
  } catch (e) {
    say(line, errorText(e), 'error');
    return;
  }
  const path = '/users/' + encodeURIComponent(user.$id);
  const heading = h('h1', { id: 'user-name' });
  const summary = h('dl', { class: 'summary' });
  const refresh = (next) => {
    user = next;
    heading.textContent = user.name || user.$id;
    summary.replaceChildren(...[
      ['ID', user.$id],
      ['Status', user.status ? 'Active' : 'Blocked'],
      ['Created', formatDate(user.$createdAt)],
      ['Updated', formatDate(user.$updatedAt)],
      ['Last activity', formatDate(user.accessedAt)],
      ['Password updated', formatDate(user.passwordUpdate)],
    ].flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
    statusSection.replaceChildren(...statusControls(user, path, refresh));
  };
  const statusSection = h('section', { class: 'card', 'aria-labelledby': 'status-h' });
  const profile = lock(h('div', { class: 'card' }, h('h2', { text: 'Profile' }),
    fieldForm('Name', 'name', user.name, (v) => api('PATCH', path + '/name', { name: v }), refresh),
    fieldForm('E-mail', 'email', user.email, (v) => api('PATCH', path + '/email', { email: v }), refresh),
    fieldForm('Phone', 'phone', user.phone, (v) => api('PATCH', path + '/phone', { number: v }), refresh, 'E.164, e.g. +14155550100; empty removes it'),
    fieldForm('New password', 'password', '', (v) => api('PATCH', path + '/password', { password: v }), refresh, 'At least 8 characters', 'password'),
    fieldForm('Labels', 'labels', user.labels.join(', '), (v) => api('PUT', path + '/labels', { labels: v.split(',').map((l) => l.trim()).filter(Boolean) }), refresh, 'Comma-separated; letters and digits only')), 'users.write');
  refresh(user);
  show(h('p', { class: 'crumbs' }, h('a', { href: '#/users', text: '← Users' })),
    heading, summary,
    h('div', { class: 'grid' },
      profile,
      lock(statusSection, 'users.write'),
      prefsEditor(user, path),
      targetsSection(path),
      mfaSection(() => user, path, refresh),
      deleteSection(() => user, path),
      sessionsSection(path),
      logsSection(path)));
}

/** A one-field form: Save sends it alone; a failure leaves the typed value in place. */
function fieldForm(label, name, value, send, onSaved, hint, type) {
  const id = nextId(name);
  const input = h('input', { id: id, name: name, type: type || 'text', value: value || '', autocomplete: 'off', 'aria-describedby': hint ? id + '-hint' : null });
  const button = h('button', { type: 'submit', text: 'Save' });
  const line = messageLine();
  return h('form', { class: 'field-form', 'data-field': name, onsubmit: async (e) => {
    e.preventDefault();
    const user = await run(button, line, () => send(input.value));
    if (user) {
      if (type === 'password') input.value = '';
      onSaved(user);
    }
  } },
    h('label', { for: id, text: label }),
    h('div', { class: 'row' }, input, button),
    hint ? h('small', { id: id + '-hint', text: hint }) : null,
    line);
}

function statusControls(user, path, refresh) {
  const line = messageLine();
  const toggle = (text, method, sub, params) => {
    const button = h('button', { type: 'button', text: text, onclick: async () => {
      const next = await run(button, line, () => api(method, path + sub, params));
      if (next) refresh(next);
    } });
    return button;
  };
  return [
    h('h2', { id: 'status-h', text: 'Status and verification' }),
    h('p', null, 'Account: ', h('strong', { id: 'status-text', text: user.status ? 'Active' : 'Blocked' })),
    toggle(user.status ? 'Block user' : 'Unblock user', 'PATCH', '/status', { status: !user.status }),
    h('p', null, 'E-mail: ', h('strong', { text: user.emailVerification ? 'verified' : 'not verified' })),
    toggle(user.emailVerification ? 'Mark e-mail unverified' : 'Mark e-mail verified', 'PATCH', '/verification', { emailVerification: !user.emailVerification }),
    h('p', null, 'Phone: ', h('strong', { text: user.phoneVerification ? 'verified' : 'not verified' })),
    toggle(user.phoneVerification ? 'Mark phone unverified' : 'Mark phone verified', 'PATCH', '/verification/phone', { phoneVerification: !user.phoneVerification }),
    line];
}

/** Prefs as JSON: parsed in the browser first, so invalid JSON never leaves the page. */
function prefsEditor(user, path) {
  const area = h('textarea', { id: 'prefs', rows: 8, spellcheck: 'false', value: JSON.stringify(user.prefs, null, 2) });
  const button = h('button', { type: 'submit', text: 'Save preferences' });
  const line = messageLine();
  return lock(h('form', { class: 'card', 'aria-labelledby': 'prefs-h', onsubmit: async (e) => {
    e.preventDefault();
    let prefs;
    try {
      prefs = JSON.parse(area.value);
    } catch (error) {
      say(line, 'Invalid JSON, not sent: ' + error.message, 'error');
      return;
    }
    if (!prefs || typeof prefs !== 'object' || Array.isArray(prefs)) {
      say(line, 'Preferences must be a JSON object, not sent.', 'error');
      return;
    }
    const saved = await run(button, line, () => api('PATCH', path + '/prefs', { prefs: prefs }));
    if (saved) area.value = JSON.stringify(saved, null, 2);
  } },
    h('h2', { id: 'prefs-h', text: 'Preferences' }),
    h('label', { for: 'prefs', text: 'Preferences (JSON object)' }), area,
    h('div', { class: 'row' }, button), line), 'users.write');
}

function deleteSection(current, path) {
  const line = messageLine();
  const button = h('button', { type: 'button', class: 'danger', text: 'Delete user…', onclick: async () => {
    const user = current();
    const label = user.name ? user.name + ' (' + (user.email || user.$id) + ')' : user.$id;
    if (!(await confirmDialog('Delete ' + label + '? Their sessions, targets and preferences go too. This cannot be undone.', 'Delete ' + (user.name || user.$id)))) return;
    const done = await run(button, line, () => api('DELETE', path), 'Deleted.');
    if (done !== undefined) location.hash = '#/users';
  } });
  return lock(h('section', { class: 'card danger-zone', 'aria-labelledby': 'delete-h' },
    h('h2', { id: 'delete-h', text: 'Delete' }), button, line), 'users.write');
}
`;

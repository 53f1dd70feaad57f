/** The user's targets, sessions, MFA and activity log: sections of the user screen. */
export const userSecuritySections = String.raw`
/** A section that (re)loads its body from the API; the body builder gets a reload callback. */
function loadingSection(title, id, scope, fetchBody, wide) {
  const el = section(title, id);
  if (wide) el.classList.add('wide');
  const body = h('div');
  const line = messageLine();
  el.append(body, line);
  if (!can(scope)) {
    el.append(scopeNote(scope));
    return el;
  }
  const reload = async () => {
    try {
      body.replaceChildren(await fetchBody(reload, line));
    } catch (e) {
      say(line, errorText(e), 'error');
    }
  };
  reload();
  return el;
}

function targetsSection(path) {
  return loadingSection('Targets', 'targets-h', 'targets.read', async () => {
    const { targets } = await api('GET', path + '/targets');
    return table('Targets', ['Type', 'Identifier', 'Provider', 'Expired'],
      targets.map((t) => [t.providerType, t.identifier, t.providerId || '—', t.expired ? 'yes' : 'no']),
      'No targets. An e-mail or phone on the profile creates one.');
  });
}

function sessionsSection(path) {
  return loadingSection('Sessions', 'sessions-h', 'users.read', async (reload, line) => {
    const { sessions } = await api('GET', path + '/sessions');
    const revoke = (s) => {
      const button = h('button', { type: 'button', text: 'Revoke', 'aria-label': 'Revoke session ' + s.$id, onclick: async () => {
        if ((await run(button, line, () => api('DELETE', path + '/sessions/' + s.$id), 'Session revoked.')) !== undefined) reload();
      } });
      return lock(h('span', null, button), 'users.write');
    };
    const all = h('button', { type: 'button', class: 'danger', text: 'Revoke all sessions', onclick: async () => {
      if (!(await confirmDialog('Revoke all ' + sessions.length + ' sessions? The user is signed out everywhere.', 'Revoke all'))) return;
      if ((await run(all, line, () => api('DELETE', path + '/sessions'), 'All sessions revoked.')) !== undefined) reload();
    } });
    const device = (s) => [s.deviceName, s.deviceBrand, s.deviceModel].filter(Boolean).join(' ') || '—';
    const browser = (s) => [s.clientName, s.clientVersion].filter(Boolean).join(' ') || '—';
    const os = (s) => [s.osName, s.osVersion].filter(Boolean).join(' ') || '—';
    return h('div', { id: 'sessions' },
      table('Sessions', ['Device', 'Browser', 'OS', 'IP', 'Country', 'Created', ''],
        sessions.map((s) => [device(s), browser(s), os(s), s.ip, s.countryName, formatDate(s.$createdAt), revoke(s)]),
        'No sessions.'),
      sessions.length ? lock(h('div', { class: 'row' }, all), 'users.write') : null);
  }, true);
}

/**
 * Recovery codes are shown only when generated here. Whether a set exists comes from reading it
 * (404 when none): the Users API reports recoveryCode only on the Account route.
 */
function mfaSection(current, path, refresh) {
  return loadingSection('Multi-factor authentication', 'mfa-h', 'users.read', async (reload, line) => {
    const user = current();
    let [factors, hasCodes] = await Promise.all([
      api('GET', path + '/mfa/factors'),
      api('GET', path + '/mfa/recovery-codes').then(() => true, (e) => (e.code === 404 ? false : Promise.reject(e))),
    ]);
    const codes = h('ol', { id: 'recovery-codes', class: 'codes' });
    const toggle = h('button', { type: 'button', text: user.mfa ? 'Disable MFA' : 'Enable MFA', onclick: async () => {
      const next = await run(toggle, line, () => api('PATCH', path + '/mfa', { mfa: !user.mfa }));
      if (next) {
        refresh(next);
        reload();
      }
    } });
    const issue = h('button', { type: 'button', text: hasCodes ? 'Regenerate recovery codes' : 'Generate recovery codes', onclick: async () => {
      const result = await run(issue, line, () => api(hasCodes ? 'PUT' : 'PATCH', path + '/mfa/recovery-codes'), 'New recovery codes below; they replace any earlier set. Give them to the user now.');
      if (!result) return;
      hasCodes = true;
      issue.textContent = 'Regenerate recovery codes';
      codes.replaceChildren(...result.recoveryCodes.map((c) => h('li', null, h('code', { text: c }))));
    } });
    const removeTotp = h('button', { type: 'button', class: 'danger', text: 'Remove authenticator app', onclick: async () => {
      if (!(await confirmDialog('Remove the authenticator app (TOTP) of this user?', 'Remove'))) return;
      if ((await run(removeTotp, line, () => api('DELETE', path + '/mfa/authenticators/totp'), 'Removed.')) !== undefined) reload();
    } });
    const yes = (v) => (v ? 'yes' : 'no');
    return h('div', null,
      h('p', null, 'MFA: ', h('strong', { id: 'mfa-state', text: user.mfa ? 'enabled' : 'disabled' })),
      h('p', { text: 'Factors: authenticator app ' + yes(factors.totp) + ', e-mail ' + yes(factors.email) + ', phone ' + yes(factors.phone) + ', recovery codes ' + yes(hasCodes) }),
      lock(h('div', { class: 'row' }, toggle, issue, factors.totp ? removeTotp : null), 'users.write'),
      codes);
  });
}

function logsSection(path) {
  return loadingSection('Activity log', 'logs-h', 'users.read', async () => {
    const { logs, total } = await api('GET', path + '/logs', { queries: [query('limit', null, [25])] });
    const client = (l) => [l.clientName, l.clientVersion].filter(Boolean).join(' ') || '—';
    const device = (l) => [l.osName, l.deviceName].filter(Boolean).join(', ') || '—';
    return h('div', null,
      table('Activity log', ['Event', 'By', 'Client', 'OS / device', 'IP', 'Country', 'Time'],
        logs.map((l) => [l.event, l.userEmail || l.userName || '—', client(l), device(l), l.ip, l.countryName, formatDate(l.time)]),
        'No activity yet.'),
      total > logs.length ? h('p', { class: 'hint', text: 'Latest ' + logs.length + ' of ' + total + '.' }) : null);
  }, true);
}
`;

/** Sign in: a project id (prefilled with the Worker's) and an API key, kept in sessionStorage only. */
export const signInScreen = String.raw`
function signInScreen() {
  const project = h('input', { id: 'project', name: 'project', required: true, autocomplete: 'off', value: document.body.dataset.project || '' });
  const key = h('input', { id: 'key', name: 'key', type: 'password', required: true, autocomplete: 'off', spellcheck: 'false' });
  const line = messageLine();
  const button = h('button', { type: 'submit', text: 'Sign in' });
  const form = h('form', { class: 'card narrow', onsubmit: async (event) => {
    event.preventDefault();
    const candidate = { project: project.value.trim(), key: key.value.trim() };
    session = candidate;
    const scopes = await run(button, line, () => probeScopes(), 'Signed in.');
    if (!scopes) {
      session = null;
      return;
    }
    saveSession(candidate);
    session.scopes = scopes;
    location.hash = '#/users';
    route();
  } },
    h('h1', { text: 'Sign in' }),
    h('p', null, 'Paste an API key of this project: the root key (', h('code', { text: 'API_KEY' }), ') or a scoped key from ', h('code', { text: 'npm run keys' }), '. The key stays in this tab (sessionStorage) and is sent only to this server\'s /v1 API.'),
    h('label', { for: 'project', text: 'Project ID' }), project,
    h('label', { for: 'key', text: 'API key' }), key,
    h('div', { class: 'row' }, button),
    line);
  show(form);
  key.focus();
}
`;

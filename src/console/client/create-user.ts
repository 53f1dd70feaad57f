/** Create a user with a plain password, or import one whose password was hashed elsewhere. */
export const createUserScreen = String.raw`
/** Each import route's extra parameters (POST /v1/users/{algorithm}); numbers are sent as numbers. */
const HASH_FIELDS = {
  plain: [],
  argon2: [],
  bcrypt: [],
  md5: [],
  phpass: [],
  sha: [['passwordVersion', 'SHA version', 'select', ['', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512/224', 'sha512/256', 'sha512', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512']]],
  scrypt: [['passwordSalt', 'Salt'], ['passwordCpu', 'CPU cost (N)', 'number'], ['passwordMemory', 'Memory cost (r)', 'number'], ['passwordParallel', 'Parallelization (p)', 'number'], ['passwordLength', 'Key length', 'number']],
  'scrypt-modified': [['passwordSalt', 'Salt'], ['passwordSaltSeparator', 'Salt separator'], ['passwordSignerKey', 'Signer key']],
};

function createUserScreen() {
  const line = messageLine();
  const input = (name, label, attrs) => {
    const id = 'new-' + name;
    return h('div', { class: 'field', 'data-field': name }, h('label', { for: id, text: label }), h('input', Object.assign({ id: id, name: name, autocomplete: 'off' }, attrs)));
  };
  const mode = h('select', { id: 'new-mode', name: 'mode' },
    Object.keys(HASH_FIELDS).map((k) => h('option', { value: k, text: k === 'plain' ? 'Plain password (hashed here with argon2id)' : 'Import a ' + k + ' hash' })));
  const extra = h('div', { id: 'hash-fields' });
  const phone = input('phone', 'Phone (E.164)', { type: 'tel', placeholder: '+14155550100' });
  const password = h('label', { for: 'new-password', text: 'Password' });
  const renderExtra = () => {
    const plain = mode.value === 'plain';
    phone.hidden = !plain;
    password.textContent = plain ? 'Password (optional)' : 'Password hash';
    extra.replaceChildren(...HASH_FIELDS[mode.value].map(([name, label, type, options]) => type === 'select'
      ? h('div', { class: 'field' }, h('label', { for: 'new-' + name, text: label }),
        h('select', { id: 'new-' + name, name: name }, options.map((o) => h('option', { value: o, text: o || 'default (sha3-512)' }))))
      : input(name, label, { type: type || 'text', required: true })));
  };
  mode.addEventListener('change', renderExtra);
  const button = h('button', { type: 'submit', text: 'Create user' });
  const form = h('form', { class: 'card narrow', onsubmit: async (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    const algorithm = data.mode;
    const params = { userId: data.userId.trim() || 'unique()', name: data.name || undefined, email: data.email || undefined, password: data.password || undefined };
    if (algorithm === 'plain') params.phone = data.phone || undefined;
    for (const [name, , type] of HASH_FIELDS[algorithm]) {
      if (data[name] !== undefined && data[name] !== '') params[name] = type === 'number' ? Number(data[name]) : data[name];
    }
    const user = await run(button, line, () => api('POST', algorithm === 'plain' ? '/users' : '/users/' + algorithm, params), 'Created.');
    if (user) location.hash = '#/users/' + encodeURIComponent(user.$id);
  } },
    h('h1', { text: 'Create user' }),
    input('userId', 'User ID (empty: a unique id)', { placeholder: 'unique()' }),
    input('name', 'Name'),
    input('email', 'E-mail', { type: 'email' }),
    phone,
    h('div', { class: 'field' }, h('label', { for: 'new-mode', text: 'Password kind' }), mode),
    h('div', { class: 'field' }, password, h('input', { id: 'new-password', name: 'password', type: 'password', autocomplete: 'new-password' })),
    extra,
    h('div', { class: 'row' }, button),
    line);
  renderExtra();
  show(lock(form, 'users.write'));
}
`;

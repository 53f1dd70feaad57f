/** DOM helpers shared by every screen. */
export const ui = String.raw`
function h(tag, attrs) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else if (k === 'value' || k === 'checked' || k === 'disabled') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (let i = 2; i < arguments.length; i++) append(el, arguments[i]);
  return el;
}

function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach((c) => append(el, c));
  else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
}

let uniqueId = 0;
const nextId = (prefix) => prefix + '-' + ++uniqueId;

/** Replaces the main area and moves focus to the new heading, so keyboard and reader users follow. */
function show() {
  const main = document.getElementById('main');
  main.replaceChildren();
  for (const node of arguments) append(main, node);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

/** A live message line: errors are Appwrite's message as sent, announced to screen readers. */
function messageLine() {
  return h('p', { class: 'msg', 'aria-live': 'polite' });
}

function say(line, text, kind) {
  line.textContent = text;
  line.className = 'msg' + (kind ? ' ' + kind : '');
  if (kind === 'error') line.setAttribute('role', 'alert');
  else line.removeAttribute('role');
}

/**
 * Runs one action behind a button: the button is busy meanwhile, the outcome lands in the line.
 * Inputs are never touched on failure, so nothing typed is lost.
 */
async function run(button, line, action, done) {
  button.disabled = true;
  say(line, 'Working…');
  try {
    const result = await action();
    say(line, done || 'Saved.', 'ok');
    return result;
  } catch (e) {
    say(line, errorText(e), 'error');
    return undefined;
  } finally {
    button.disabled = !!button.dataset.locked;
  }
}

function errorText(e) {
  return e && e.type ? e.message + ' (' + e.type + ', ' + e.code + ')' : String(e && e.message ? e.message : e);
}

/** Disables every control inside el and says which scope would enable it. */
function lock(el, scope) {
  if (can(scope)) return el;
  el.classList.add('locked');
  for (const control of el.querySelectorAll('input, select, textarea, button')) {
    control.disabled = true;
    control.dataset.locked = '1';
  }
  el.append(scopeNote(scope));
  return el;
}

function scopeNote(scope) {
  return h('p', { class: 'note', role: 'note' }, 'This key lacks the ', h('code', { text: scope }), ' scope, so these controls are disabled.');
}

function formatDate(value) {
  if (!value) return '—';
  const d = new Date(value);
  return isNaN(d) ? value : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function section(title, id) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id: id, text: title }));
}

function table(caption, headers, rows, empty) {
  if (!rows.length) return h('p', { class: 'empty', text: empty });
  return h('div', { class: 'table-wrap' },
    h('table', null,
      h('caption', { class: 'sr-only', text: caption }),
      h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', null, rows.map((cells) => h('tr', null, cells.map((c, i) => h('td', { 'data-label': headers[i] }, c)))))));
}

/** A modal confirmation (native dialog: focus is trapped and Escape cancels). */
function confirmDialog(text, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-label': 'Confirm' },
      h('p', { text: text }),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'danger', text: confirmLabel, onclick: () => dialog.close('yes') }),
        h('button', { type: 'button', text: 'Cancel', onclick: () => dialog.close('no') })));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
`;

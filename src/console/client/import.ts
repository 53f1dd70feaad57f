import { MAX_IMPORT_ROWS, MAX_PLAINTEXT_ROWS } from '../../services/user-import/import';

/**
 * Bulk import (`POST /v1/users/import`) and export (`GET /v1/users/export`). The file is read in the
 * browser: our NDJSON export, a JSON array of rows, or `{users: [...]}` (Appwrite's `GET /v1/users`
 * answer). Firebase and the other peers' exports need their readers (`npm run import`), which run
 * in Node; the wizard recognises a Firebase file and says so. The per-request limits come from the
 * service that enforces them.
 */
export const importScreen =
  `const IMPORT_LIMITS = ${JSON.stringify({ rows: MAX_IMPORT_ROWS, plaintext: MAX_PLAINTEXT_ROWS })};\n` +
  String.raw`
function parseImportFile(text) {
  const trimmed = text.trim();
  if (!trimmed) throw new Error('The file is empty.');
  let whole;
  try {
    whole = JSON.parse(trimmed);
  } catch (e) {
    whole = undefined;
  }
  if (Array.isArray(whole)) return whole;
  if (whole && Array.isArray(whole.users)) {
    if (whole.users.some((u) => u && u.localId !== undefined)) {
      throw new Error('This is a Firebase auth:export file: its hashes need the project\'s hash parameters, so import it with npm run import -- <file> --from firebase --hash-config <file>.');
    }
    return whole.users;
  }
  if (whole !== undefined) return [whole];
  const rows = [];
  trimmed.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      rows.push(JSON.parse(line));
    } catch (e) {
      throw new Error('Line ' + (i + 1) + ' is not JSON (' + e.message + '); nothing was sent.');
    }
  });
  return rows;
}

/** A plaintext costs the server a hash; an Appwrite user object's password is its hash (hash names the algorithm). */
const isPlaintext = (row) => !!row && typeof row.password === 'string' && row.password !== '' && typeof row.hash !== 'string';

/** Requests of at most IMPORT_LIMITS.rows rows, each with at most IMPORT_LIMITS.plaintext plaintexts. */
function importChunks(rows) {
  const chunks = [];
  let chunk = null;
  rows.forEach((row, index) => {
    const plain = isPlaintext(row);
    if (!chunk || chunk.rows.length === IMPORT_LIMITS.rows || (plain && chunk.plaintext === IMPORT_LIMITS.plaintext)) {
      chunk = { offset: index, rows: [], plaintext: 0 };
      chunks.push(chunk);
    }
    chunk.rows.push(row);
    if (plain) chunk.plaintext++;
  });
  return chunks;
}

/**
 * Sends the chunks one after another and sums their answers. A refused request stops the run:
 * the report then says where, and what came before stays (re-sending it later is harmless: rows
 * already stored come back "unchanged").
 */
async function sendImport(rows, dryRun, progress) {
  const report = { created: 0, unchanged: 0, failed: 0, failures: [], done: 0, error: null };
  const started = performance.now();
  progress(report, rows.length, started);
  for (const chunk of importChunks(rows)) {
    try {
      const answer = await api('POST', '/users/import', { users: chunk.rows, dryRun: dryRun });
      for (const r of answer.results) {
        report[r.status]++;
        if (r.status === 'failed') report.failures.push(Object.assign({ row: chunk.offset + r.index }, r));
      }
    } catch (e) {
      report.error = { row: chunk.offset, error: e };
      break;
    }
    report.done += chunk.rows.length;
    progress(report, rows.length, started);
  }
  return report;
}

function progressView() {
  const bar = h('progress', { max: 1, value: 0 });
  const label = h('span', { class: 'rate' });
  const el = h('div', { class: 'progress', role: 'status' }, bar, label);
  el.update = (report, total, started) => {
    const seconds = (performance.now() - started) / 1000;
    bar.max = total;
    bar.value = report.done;
    label.textContent = report.done + ' / ' + total + ' rows · ' + (seconds > 0 ? Math.round(report.done / seconds) : 0) + ' rows/s';
  };
  return el;
}

function importReport(report, rows, dryRun) {
  const count = (key, label) => [h('dt', { text: label }), h('dd', { 'data-count': key, text: report[key] })];
  const failures = report.failures.map((f) => [
    String(f.row + 1),
    f.userId || '—',
    (rows[f.row] && rows[f.row].email) || '—',
    f.error.message + ' (' + f.error.type + ')',
  ]);
  return h('div', null,
    h('dl', { class: 'summary' },
      count('created', dryRun ? 'Would be created' : 'Created'),
      count('unchanged', 'Unchanged (already stored)'),
      count('failed', dryRun ? 'Would fail' : 'Failed')),
    table('Failed rows', ['Row', 'User ID', 'E-mail', 'Error'], failures, 'No row ' + (dryRun ? 'would fail' : 'failed') + '.'));
}

function stoppedText(report, dryRun) {
  const at = report.error.row + 1;
  return errorText(report.error.error) + ' — stopped at row ' + at + '.' + (dryRun || at === 1 ? ''
    : ' Rows before it are stored; choose the same file again to go on (stored rows come back unchanged).');
}

function importScreen() {
  const fileLine = messageLine();
  const file = h('input', { id: 'import-file', type: 'file', accept: '.ndjson,.jsonl,.json,application/json,application/x-ndjson' });
  const steps = h('div', { id: 'import-steps' });
  const upload = h('section', { class: 'card', 'aria-labelledby': 'import-file-h' },
    h('h2', { id: 'import-file-h', text: '1. Choose an export file' }),
    h('p', { class: 'hint' }, 'Our NDJSON export (the Export button, ', h('code', { text: 'npm run export' }), '), a JSON array of import rows, or Appwrite user objects. ',
      'Firebase, Auth0, Supabase and Kratos exports go through ', h('code', { text: 'npm run import' }), ' (README, "Import readers").'),
    h('label', { for: 'import-file', text: 'Export file' }), file, fileLine);

  file.addEventListener('change', async () => {
    steps.replaceChildren();
    if (!file.files.length) return;
    let rows;
    try {
      rows = parseImportFile(await file.files[0].text());
    } catch (e) {
      say(fileLine, e.message, 'error');
      return;
    }
    const plaintexts = rows.filter(isPlaintext).length;
    say(fileLine, rows.length + ' rows read' + (plaintexts ? ', ' + plaintexts + ' with a plaintext password' : '') + ': ' + importChunks(rows).length + ' request(s).', 'ok');
    file.disabled = true;
    await dryRunStep(rows, steps);
    file.disabled = false;
  });

  show(h('div', { class: 'head' }, h('h1', { text: 'Import users' }), exportControl()),
    lock(upload, 'users.write'), steps);
}

// A numbered step of the import: its card (added to the steps), a progress bar and a message line.
function stepCard(steps, title, id) {
  const card = section(title, id + '-h');
  card.id = id;
  const progress = progressView();
  const line = messageLine();
  card.append(progress, line);
  steps.append(card);
  return { card, progress, line };
}

async function dryRunStep(rows, steps) {
  const { card, progress, line } = stepCard(steps, '2. Dry run: nothing is written', 'dry-run');
  const report = await sendImport(rows, true, progress.update);
  card.append(importReport(report, rows, true));
  if (report.error) {
    say(line, stoppedText(report, true), 'error');
    return;
  }
  card.append(h('p', { class: 'hint', text: 'Each request of up to ' + IMPORT_LIMITS.rows + ' rows is checked on its own: two rows of different requests that collide show only on commit.' }));
  const commit = h('button', { type: 'button', id: 'commit', text: 'Commit ' + rows.length + ' rows' });
  commit.addEventListener('click', () => {
    commit.disabled = true;
    commit.dataset.locked = '1';
    commitStep(rows, steps);
  });
  card.append(h('div', { class: 'row' }, commit));
}

async function commitStep(rows, steps) {
  const { card, progress, line } = stepCard(steps, '3. Commit', 'commit');
  say(line, 'Importing…');
  const file = document.getElementById('import-file');
  file.disabled = true;
  const report = await sendImport(rows, false, progress.update);
  if (report.error) say(line, stoppedText(report, false), 'error');
  else say(line, 'Done: ' + report.created + ' created, ' + report.unchanged + ' unchanged, ' + report.failed + ' failed' + (report.failed ? ' (listed below).' : '.'), report.failed ? null : 'ok');
  card.append(importReport(report, rows, false));
  file.disabled = false;
  const heading = card.querySelector('h2');
  heading.tabIndex = -1;
  heading.focus();
}

/** Downloads GET /v1/users/export as a file: fetched with the key headers, handed over as a blob. */
function exportControl() {
  const line = messageLine();
  const button = h('button', { type: 'button', id: 'export', text: 'Export users (NDJSON)' });
  button.addEventListener('click', async () => {
    const name = 'users-' + session.project + '-' + new Date().toISOString().slice(0, 10) + '.ndjson';
    const count = await run(button, line, async () => {
      const text = await (await request('GET', '/users/export')).text();
      const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' })), download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      return text.split('\n').filter((l) => l.trim()).length;
    });
    if (count !== undefined) say(line, count + ' users saved as ' + name + '.', 'ok');
  });
  return lock(h('div', { class: 'export' }, button, line), 'users.read');
}
`;

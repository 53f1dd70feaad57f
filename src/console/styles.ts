/** One stylesheet; light and dark follow the system (prefers-color-scheme), narrow screens stack. */
export const styles = String.raw`
:root {
  color-scheme: light dark;
  --bg: #f7f7f9; --fg: #1d1d24; --muted: #5d5d6b; --card: #fff; --line: #d9d9e0;
  --accent: #c7155a; --accent-fg: #fff; --ok: #12734a; --bad: #b3261e; --note: #fff6d6; --focus: #2f6fed;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #131318; --fg: #e8e8ef; --muted: #a4a4b3; --card: #1d1d25; --line: #34343f;
    --accent: #ff4f8e; --accent-fg: #131318; --ok: #5fd39a; --bad: #ff8a80; --note: #3a3219; --focus: #8ab4ff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 8px; top: 8px; background: var(--card); padding: 6px; z-index: 10; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 10px 16px; border-bottom: 1px solid var(--line); background: var(--card); }
.brand { font-weight: 700; }
.top nav { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; flex: 1; }
.who { margin-left: auto; color: var(--muted); }
main { padding: 16px; max-width: 1200px; margin: 0 auto; }
main:focus { outline: none; }
h1 { font-size: 1.5rem; margin: 0.2em 0 0.6em; }
h2 { font-size: 1.1rem; margin: 0 0 0.6em; }
.head { display: flex; align-items: center; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin-bottom: 16px; min-width: 0; }
.narrow { max-width: 560px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 460px), 1fr)); gap: 16px; align-items: start; }
.grid .card { margin: 0; }
.grid .wide { grid-column: 1 / -1; }
label { display: block; font-weight: 600; margin: 10px 0 4px; }
input, select, textarea, button, .button { font: inherit; color: inherit; border-radius: 6px; border: 1px solid var(--line); padding: 7px 10px; background: var(--bg); }
input, select, textarea { width: 100%; min-width: 0; }
textarea { font-family: ui-monospace, monospace; font-size: 13px; }
button, .button { cursor: pointer; background: var(--accent); color: var(--accent-fg); border-color: var(--accent); text-decoration: none; display: inline-block; }
button:disabled { opacity: 0.45; cursor: not-allowed; }
button.danger { background: transparent; color: var(--bad); border-color: var(--bad); }
button.sort { background: none; border: 0; padding: 0; color: inherit; font-weight: 700; }
button.sort .arrow { opacity: 0.6; }
.row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 8px; }
.row input { flex: 1; width: auto; }
.field-form { margin-bottom: 6px; }
small, .hint { color: var(--muted); }
.msg { min-height: 1.2em; margin: 6px 0; color: var(--muted); }
.msg.ok { color: var(--ok); }
.msg.error { color: var(--bad); font-weight: 600; }
.note { background: var(--note); border-radius: 6px; padding: 8px 10px; margin: 8px 0; }
.banner { margin: 0; border-radius: 0; padding: 8px 16px; }
.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px 12px; margin-bottom: 8px; }
.filters .field:first-child { grid-column: 1 / -1; }
.filters label { margin-top: 0; }
.filters .reset { align-self: end; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 0.85rem; color: var(--muted); white-space: nowrap; }
.badge { font-size: 0.85rem; font-weight: 600; }
.badge.ok { color: var(--ok); }
.badge.bad { color: var(--bad); }
.chip { display: inline-block; border: 1px solid var(--line); border-radius: 99px; padding: 0 8px; margin: 0 4px 2px 0; font-size: 0.85rem; }
.pager { display: flex; gap: 8px; align-items: center; justify-content: flex-end; margin-top: 10px; }
.pager span { margin-right: auto; color: var(--muted); }
.empty { padding: 24px; text-align: center; color: var(--muted); }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 16px; }
.summary dt { color: var(--muted); }
.summary dd { margin: 0; overflow-wrap: anywhere; }
.codes { columns: 2; font-family: ui-monospace, monospace; }
.crumbs { margin: 0; }
dialog.confirm { border: 1px solid var(--line); border-radius: 8px; background: var(--card); color: var(--fg); max-width: min(92vw, 480px); }
dialog::backdrop { background: rgb(0 0 0 / 0.5); }
.locked { opacity: 0.85; }
.top nav a[aria-disabled] { color: var(--muted); cursor: not-allowed; }
.export { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.export .msg, .export .note { margin: 0; }
.progress { display: flex; gap: 12px; align-items: center; }
.progress progress { flex: 1; min-width: 0; accent-color: var(--accent); }
@media (max-width: 640px) {
  main { padding: 10px; }
  table.users thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.users tr { display: block; border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.users td { display: grid; grid-template-columns: 8.5em 1fr; border: 0; padding: 2px 4px; }
  table.users td::before { content: attr(data-label); color: var(--muted); font-size: 0.85rem; }
}
`;

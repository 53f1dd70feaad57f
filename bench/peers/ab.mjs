// `npm run ab -- <git-rev> [workload,…] [ours|bare] [ours|bare]`: workerd CPU time per request of
// this checkout against another revision, for the peers bench's workloads. The peers bench compares
// latencies across minutes, and this machine's speed drifts by ±30 % from minute to minute; a change
// worth 5 % only shows when both builds run side by side: the revision is checked out in a temporary
// git worktree (sharing this node_modules), both are started and seeded as the peers bench does, and
// short rounds alternate between them (A B, B A, …). Per round it reads the CPU time the workerd
// processes used (/proc, Linux) per request answered, and prints the median of the paired ratios.
// Arguments: the revision (a commit, or a branch holding an experiment), workloads by name (default
// "get user by id"; comma-separated), the target kind of the revision and of this checkout (default
// ours and the same). Knobs: AB_ROUNDS (8), AB_SECONDS (1.5), AB_C (1), AB_USERS (10000).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drive } from './load.mjs';
import * as here from './targets.mjs';
import { workloads } from './workloads.mjs';
import { root } from '../../scripts/lib/miniflare-worker.mjs';

const [rev, names = 'get user by id', kindThere = 'ours', kindHere = kindThere] = process.argv.slice(2);
if (!rev) throw new Error('usage: npm run ab -- <git-rev> [workload,…] [ours|bare] [ours|bare]');
const ROUNDS = Number(process.env.AB_ROUNDS ?? 8);
const SECONDS = Number(process.env.AB_SECONDS ?? 1.5);
const C = Number(process.env.AB_C ?? 1);
const USERS = Number(process.env.AB_USERS ?? 10_000);

/** CPU microseconds used so far by every workerd process (user + system, clock ticks of 10 ms). */
function workerdCpu() {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('workerd')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return ticks * 10_000;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const start = (module, kind) => (kind === 'bare' ? module.startBare : module.startOurs)(USERS);

const worktree = mkdtempSync(join(tmpdir(), 'ab-'));
execFileSync('git', ['worktree', 'add', '--detach', '--force', worktree, rev], { cwd: root, stdio: 'ignore' });
const started = [];
try {
  symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
  if (existsSync(join(root, '.dev.vars'))) copyFileSync(join(root, '.dev.vars'), join(worktree, '.dev.vars'));
  const there = await import(join(worktree, 'bench/peers/targets.mjs'));
  const targets = { there: await start(there, kindThere), here: await start(here, kindHere) };
  started.push(...Object.values(targets));
  console.log(`${rev} (${kindThere}) against this checkout (${kindHere}): ${ROUNDS} paired rounds of ${SECONDS} s at c = ${C}, ${USERS} users.`);
  for (const name of names.split(',')) {
    const workload = workloads(USERS).find((w) => w.name === name);
    if (!workload) throw new Error(`no workload "${name}" (see bench/peers/workloads.mjs)`);
    const specs = { there: workload[kindThere](targets.there), here: workload[kindHere](targets.here) };
    const cpu = { there: [], here: [] };
    for (const side of ['there', 'here']) await drive(targets[side].url, specs[side], C, { warmupMs: 0, ms: 1000 });
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? ['here', 'there'] : ['there', 'here']) {
        const before = workerdCpu();
        const run = await drive(targets[side].url, specs[side], C, { warmupMs: 0, ms: SECONDS * 1000 });
        cpu[side].push((workerdCpu() - before) / run.latencies.length);
      }
    }
    const ratio = median(cpu.here.map((value, k) => value / cpu.there[k]));
    console.log(
      `${name}: ${rev} ${median(cpu.there).toFixed(0)} µs, this checkout ${median(cpu.here).toFixed(0)} µs CPU per request (medians); this / ${rev} = ${ratio.toFixed(3)} (median of paired rounds)`,
    );
  }
} finally {
  for (const target of started) {
    await target.stop().catch(() => {});
    target.cleanup();
  }
  rmSync(worktree, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'prune'], { cwd: root, stdio: 'ignore' });
}

import { readFileSync, readdirSync } from 'node:fs';
import { drive } from './load.mjs';
import { startBare, startOurs } from './targets.mjs';
import { workloads } from './workloads.mjs';
const USERS = 10000;
const names = (process.env.W ?? 'get user by id').split(',');
const c = Number(process.env.C ?? 1);
const ticks = () => {
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('workerd')) continue;
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      sum += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return sum * 10_000; // µs
};
for (const targetName of (process.env.T ?? 'ours,bare').split(',')) {
  const target = await (targetName === 'bare' ? startBare : startOurs)(USERS);
  try {
    for (const name of names) {
      const w = workloads(USERS).find((x) => x.name === name);
      const spec = w[targetName](target);
      await drive(target.url, spec, c, { warmupMs: 0, ms: 1000 });
      const out = [];
      for (let r = 0; r < 3; r++) {
        const t0 = ticks();
        const run = await drive(target.url, spec, c, { warmupMs: 0, ms: 3000 });
        const t1 = ticks();
        const n = run.latencies.length;
        const sorted = run.latencies.sort((a, b) => a - b);
        out.push(`${((t1 - t0) / n).toFixed(0)}µs cpu/req p50 ${sorted[n >> 1].toFixed(2)}ms`);
      }
      console.log(targetName.padEnd(5), name.padEnd(24), out.join(' | '));
    }
  } finally {
    await target.stop().catch(() => {});
    target.cleanup();
  }
}

// `npm run profile -- [workload] [c] [target]`: where a request's CPU time goes inside the Worker.
// Starts the target of the peers bench (ours, or bare) seeded as the bench seeds it, opens workerd's
// DevTools inspector, records a sampling CPU profile while one workload of bench/peers/workloads.mjs
// runs (default "get user by id", c=1, 5 s), writes it as a .cpuprofile (open it in Chrome DevTools →
// Performance, or speedscope) and prints the self and total time per function, per request.
// Only the isolate's JavaScript is sampled: SQLite runs in workerd's C++ (D1 is a Durable Object), so its
// time shows as idle or `(program)`, as does the HTTP stack outside the Worker.
// Knobs: PROFILE_USERS (10000), PROFILE_SECONDS (5), PROFILE_INTERVAL_US (100).
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { drive } from './load.mjs';
import { startBare, startOurs } from './targets.mjs';
import { workloads } from './workloads.mjs';

const [workloadName = 'get user by id', cArg = '1', targetName = 'ours'] = process.argv.slice(2);
const USERS = Number(process.env.PROFILE_USERS ?? 10_000);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 5);
const INTERVAL_US = Number(process.env.PROFILE_INTERVAL_US ?? 100);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A Chrome DevTools Protocol session over the inspector's WebSocket. */
async function devtools(url) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', reject, { once: true });
  });
  let id = 0;
  const pending = new Map();
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${message.error.message}`));
    else waiter.resolve(message.result);
  });
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        pending.set(++id, { resolve, reject });
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/** Self and total (inclusive) microseconds per function of a V8 CPU profile. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k + 1] ?? 0)));
  const label = (n) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url ? url.split('/').pop() : '';
    return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
  };
  const functions = new Map();
  let total = 0;
  for (const [id, us] of self) {
    total += us;
    const own = label(byId.get(id));
    functions.set(own, { self: (functions.get(own)?.self ?? 0) + us, total: functions.get(own)?.total ?? 0 });
    // Inclusive time: once per distinct function on the stack (recursion counted once).
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at));
      if (seen.has(name)) continue;
      seen.add(name);
      const entry = functions.get(name) ?? { self: 0, total: 0 };
      entry.total += us;
      functions.set(name, entry);
    }
  }
  return { functions, total };
}

const ms = (us) => (us / 1000).toFixed(1).padStart(8);

async function main() {
  const workload = workloads(USERS).find((w) => w.name === workloadName);
  if (!workload) throw new Error(`no workload "${workloadName}" (see bench/peers/workloads.mjs)`);
  const inspectorPort = await freePort();
  process.stderr.write(`starting ${targetName} with the inspector on ${inspectorPort}…\n`);
  const target = await (targetName === 'bare' ? startBare : startOurs)(USERS, { inspectorPort });
  try {
    const list = await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json();
    const worker = list.find((t) => !t.url.includes('miniflare') && !t.title?.includes('miniflare')) ?? list[0];
    const session = await devtools(worker.webSocketDebuggerUrl);
    const c = Number(cArg);
    const spec = workload[targetName](target);
    // Warm the isolate (JIT, caches) before recording.
    await drive(target.url, spec, c, { warmupMs: 0, ms: 1000 });
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
    await session.send('Profiler.start');
    const run = await drive(target.url, spec, c, { warmupMs: 0, ms: SECONDS * 1000 });
    const { profile } = await session.send('Profiler.stop');
    session.close();
    const file = `profile-${targetName}-${workloadName.replace(/\W+/g, '-')}-c${c}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));

    const requests = run.latencies.length;
    const { functions, total } = summarise(profile);
    const busy = [...functions].filter(([name]) => !/^\((idle|program|garbage collector|root)\)/.test(name));
    const js = busy.reduce((sum, [, f]) => sum + f.self, 0);
    const gc = functions.get('(garbage collector)')?.self ?? 0;
    console.log(`${targetName}, "${workloadName}", c=${c}: ${requests} requests in ${run.seconds.toFixed(1)} s, ${(requests / run.seconds).toFixed(0)} req/s.`);
    console.log(`Isolate JavaScript: ${ms(js)} ms self in all = ${((js / requests)).toFixed(0)} µs per request; GC ${(gc / requests).toFixed(0)} µs per request; profile ${(total / 1000).toFixed(0)} ms.`);
    console.log(`Profile written to ${file}.\n`);
    const perRequest = (us) => `${(us / requests).toFixed(1).padStart(7)} µs`;
    console.log('Top functions by self time (per request):');
    for (const [name, f] of busy.sort((a, b) => b[1].self - a[1].self).slice(0, 25)) console.log(`${perRequest(f.self)}  ${name}`);
    console.log('\nTop functions by total time (per request):');
    for (const [name, f] of busy.sort((a, b) => b[1].total - a[1].total).slice(0, 40)) console.log(`${perRequest(f.total)}  ${name}`);
  } finally {
    await target.stop().catch(() => {});
    target.cleanup();
  }
}

await main();

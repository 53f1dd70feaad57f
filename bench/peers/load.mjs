// A closed-loop load generator over loopback HTTP: `c` clients, each sending its next request as
// soon as the previous answer is read, on keep-alive connections (one per client). A figure is the
// wall time from writing the request to reading the last byte of the answer.
import { Agent, request } from 'node:http';

/** Sends one request; resolves with its status, body text and milliseconds. */
function send(agent, base, { method = 'GET', path, headers = {}, body }) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** One request outside any measurement (set-up, checks, cold start). */
export async function once(base, spec) {
  const agent = new Agent({ keepAlive: false });
  try {
    return await send(agent, new URL(base), spec);
  } finally {
    agent.destroy();
  }
}

/**
 * Runs `workload` against `base` with `c` clients: `warmupMs` unrecorded, then `ms` recorded.
 * `workload.next()` gives the next request; `workload.expect` the status every answer must have
 * (a wrong one stops the bench: a figure over errors means nothing). `onTick(done)` is called every
 * 250 ms for the progress line. Returns the latencies of requests started in the recorded window
 * and the seconds the window lasted until its last answer.
 */
export async function drive(base, workload, c, { warmupMs, ms, onTick }) {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: c });
  const latencies = [];
  const started = performance.now();
  const recordFrom = started + warmupMs;
  const stopAt = recordFrom + ms;
  let failure;
  const ticker = setInterval(() => onTick?.(latencies.length), 250);
  const client = async () => {
    while (!failure && performance.now() < stopAt) {
      const spec = workload.next();
      const sentAt = performance.now();
      const res = await send(agent, url, spec);
      if (res.status !== workload.expect) {
        failure = new Error(`${spec.method ?? 'GET'} ${spec.path} → ${res.status} (expected ${workload.expect}): ${res.text.slice(0, 300)}`);
        break;
      }
      workload.answered?.(spec, res);
      if (sentAt >= recordFrom) latencies.push(res.ms);
    }
  };
  try {
    await Promise.all(Array.from({ length: c }, client));
  } finally {
    clearInterval(ticker);
    agent.destroy();
  }
  if (failure) throw failure;
  const seconds = (performance.now() - recordFrom) / 1000;
  return { latencies, seconds };
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

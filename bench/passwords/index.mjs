// Password verification inside workerd (src/passwords through bench/passwords/worker.ts, started
// with wrangler's unstable_startWorker) against native implementations in this Node process:
// `argon2` (libargon2), `bcrypt` (OpenBSD bcrypt in C++) and node:crypto (OpenSSL).
// workerd time = performance.now() around the loop inside the Worker (1 ms resolution, so each
// round runs long enough); the Worker is single-threaded, so that is its CPU time. Native time =
// wall time, except for argon2 with p > 1, where libargon2 runs the lanes on threads and the
// process CPU time is used instead: the ratio compares CPU cost, what a Worker is limited on.
import { execFileSync } from 'node:child_process';
import { createCipheriv, createHash, createHmac, pbkdf2Sync, scryptSync, timingSafeEqual } from 'node:crypto';
import { scrypt as nobleScrypt } from '@noble/hashes/scrypt.js';
import argon2 from 'argon2';
import bcrypt from 'bcrypt';
import { unstable_startWorker } from 'wrangler';

const ROUND_MS = 500;
const ROUNDS = 5;
const TARGET_RATIO = 3;

const md5Hex = (text) => createHash('md5').update(text).digest('hex');
const shaHex = (algo, text) => createHash(algo).update(text).digest('hex');
/** A native verify of a hex digest: hash, then a constant-time compare (PHP's `hash_equals`). */
const verifyHex = (digest, stored) => timingSafeEqual(Buffer.from(digest), Buffer.from(stored));

/** phpass portable hash check with node:crypto's MD5 (what a native port would do). */
function phpassNative(password, hash) {
  const itoa64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let count = 2 ** itoa64.indexOf(hash[3]);
  const pw = Buffer.from(password);
  let x = createHash('md5').update(hash.slice(4, 12)).update(pw).digest();
  while (count--) x = createHash('md5').update(x).update(pw).digest();
  return x.length === 16;
}

function scryptModNative(password, options) {
  const salt = Buffer.concat([Buffer.from(options.salt, 'base64'), Buffer.from(options.saltSeparator, 'base64')]);
  const key = scryptSync(password, salt, 64, { N: 16384, r: 8, p: 1, maxmem: 64 * 2 ** 20 });
  const cipher = createCipheriv('aes-256-ctr', key.subarray(0, 32), Buffer.alloc(16));
  return Buffer.concat([cipher.update(Buffer.from(options.signerKey, 'base64')), cipher.final()]).toString('base64');
}

/** `openssl passwd` (C SHA-crypt / MD5-crypt); the time includes starting the process (~3 ms here). */
const opensslPasswd = (flag, salt, password) =>
  execFileSync('openssl', ['passwd', flag, '-salt', salt, '-stdin'], { input: password }).toString().trim();

/** The peer formats of the README's "Peer formats" section, each with a native counterpart. */
function peerCases(pw, job) {
  const salt = 'saltsaltsaltsalt';
  const djangoSha256 = `pbkdf2_sha256$1000000$${salt}$${pbkdf2Sync(pw, salt, 1_000_000, 32, 'sha256').toString('base64')}`;
  const sha512Key = (i) => pbkdf2Sync(pw, salt, i, 64, 'sha512');
  const pbkdf2Sha512 = { digest: 'sha512', iterations: 210_000, salt, length: 64, type: 'pbkdf2' };
  const sha512Crypt = opensslPasswd('-6', `rounds=656000$${salt}`, pw);
  const sha256Crypt = opensslPasswd('-5', salt, pw);
  const md5Crypt = opensslPasswd('-1', 'saltsalt', pw);
  const bcryptKey = createHash('sha256').update(pw).digest('hex');
  const bcryptSha256 = `bcrypt_sha256$${bcrypt.hashSync(bcryptKey, 10)}`;
  const sshaSalt = Buffer.from('8bytesal');
  const ssha = `{SSHA}${Buffer.concat([createHash('sha1').update(pw).update(sshaSalt).digest(), sshaSalt]).toString('base64')}`;
  const hmacOptions = { digest: 'sha256', key: 'app-key', salt, order: 'passwordSalt', type: 'hmac' };
  const hmacHex = () => createHmac('sha256', 'app-key').update(pw + salt).digest('hex');
  return [
    { name: 'pbkdf2 Django sha256 1e6 (node:crypto)', job: job(djangoSha256, pw, { type: 'pbkdf2' }), native: () => pbkdf2Sync(pw, salt, 1_000_000, 32, 'sha256') },
    { name: 'pbkdf2 Django sha256 1e6, WebCrypto', job: job(djangoSha256, pw, { type: 'pbkdf2' }, 'wasm', 'webcrypto-pbkdf2'), native: () => pbkdf2Sync(pw, salt, 1_000_000, 32, 'sha256') },
    { name: 'pbkdf2 raw sha512 210000 (node:crypto)', job: job(sha512Key(210_000).toString('hex'), pw, pbkdf2Sha512), native: () => sha512Key(210_000) },
    { name: 'shaCrypt $6$ rounds=656000 (passlib default)', job: job(sha512Crypt, pw, { type: 'shaCrypt' }), native: () => opensslPasswd('-6', `rounds=656000$${salt}`, pw) },
    { name: 'shaCrypt $5$ (5000 rounds)', job: job(sha256Crypt, pw, { type: 'shaCrypt' }), native: () => opensslPasswd('-5', salt, pw) },
    { name: 'md5Crypt $1$', job: job(md5Crypt, pw, { type: 'md5Crypt' }), native: () => opensslPasswd('-1', 'saltsalt', pw) },
    { name: 'bcryptSha256 Django cost 10', job: job(bcryptSha256, pw, { type: 'bcryptSha256' }), native: () => bcrypt.compareSync(createHash('sha256').update(pw).digest('hex'), bcryptSha256.slice(14)) },
    { name: 'ldap {SSHA}', job: job(ssha, pw, { type: 'ldap' }), native: () => createHash('sha1').update(pw).update(sshaSalt).digest() },
    { name: 'hmac sha256', job: job(hmacHex(), pw, hmacOptions), native: () => verifyHex(hmacHex(), hmacHex()) },
  ];
}

async function buildCases() {
  const pw = 'correct horse battery staple';
  // node `argon2` writes `m=…,p=…,t=…`; libargon2 (and so PHP and Appwrite) only reads `m=…,t=…,p=…`.
  const argon2Hash = async (m, t, p) => (await argon2.hash(pw, { type: argon2.argon2id, memoryCost: m, timeCost: t, parallelism: p }))
    .replace(/m=(\d+),p=(\d+),t=(\d+)/, 'm=$1,t=$3,p=$2');
  const ourDefault = await argon2Hash(19456, 2, 1);
  const appwriteDefault = await argon2Hash(65536, 4, 3);
  const bcryptHash = bcrypt.hashSync(pw, 10);
  const stored = { md5: md5Hex(pw), sha256: shaHex('sha256', pw), sha3: shaHex('sha3-512', pw) };
  const scryptE2e = { salt: 'appwrite', costCpu: 16384, costMemory: 13, costParallel: 2, length: 64, type: 'scrypt' };
  const scryptHex = (o) => scryptSync(pw, o.salt, o.length, { N: o.costCpu, r: o.costMemory, p: o.costParallel, maxmem: 2 ** 30 }).toString('hex');
  const scryptRfc = { salt: 'rfc-bound', costCpu: 65536, costMemory: 1, costParallel: 1, length: 64, type: 'scrypt' };
  // From test/fixtures/password-hashes.json (phpass-e2e, scryptmod-firebase-readme).
  const phpass = { password: 'appwrite', hash: '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.' };
  const firebase = {
    password: 'user1password',
    hash: 'lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==',
    options: { signerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==', saltSeparator: 'Bw==', salt: '42xEC+ixf3L2lw==', type: 'scryptMod' },
  };
  const job = (hash, password, hashOptions, implementation = 'wasm', kind = 'verify') =>
    ({ kind, password, stored: { password: hash, hash: hashOptions.type, hashOptions }, settings: { memoryCost: 19456, timeCost: 2, threads: 1, implementation } });

  return [
    { name: 'argon2id m=19456 t=2 p=1 (our default), WASM', job: job(ourDefault, pw, { type: 'argon2' }), native: () => argon2.verify(ourDefault, pw) },
    { name: 'argon2id m=19456 t=2 p=1 (our default), JS', job: job(ourDefault, pw, { type: 'argon2' }, 'js'), native: () => argon2.verify(ourDefault, pw) },
    { name: 'argon2id m=65536 t=4 p=3 (Appwrite default), WASM', job: job(appwriteDefault, pw, { type: 'argon2' }), native: () => argon2.verify(appwriteDefault, pw), threaded: true },
    { name: 'argon2id m=65536 t=4 p=3 (Appwrite default), JS', job: job(appwriteDefault, pw, { type: 'argon2' }, 'js'), native: () => argon2.verify(appwriteDefault, pw), threaded: true },
    { name: 'bcrypt cost 10 (bcryptjs)', job: job(bcryptHash, pw, { type: 'bcrypt' }), native: () => bcrypt.compareSync(pw, bcryptHash) },
    { name: 'md5', job: job(md5Hex(pw), pw, { type: 'md5' }), native: () => verifyHex(md5Hex(pw), stored.md5) },
    { name: 'sha sha256', job: job(shaHex('sha256', pw), pw, { type: 'sha', version: 'sha256' }), native: () => verifyHex(shaHex('sha256', pw), stored.sha256) },
    { name: 'sha sha3-512 (default)', job: job(shaHex('sha3-512', pw), pw, { type: 'sha' }), native: () => verifyHex(shaHex('sha3-512', pw), stored.sha3) },
    { name: 'phpass $P$B (2^13 MD5)', job: job(phpass.hash, phpass.password, { type: 'phpass' }), native: () => phpassNative(phpass.password, phpass.hash) },
    { name: 'scrypt N=16384 r=13 p=2 (e2e), node:crypto', job: job(scryptHex(scryptE2e), pw, scryptE2e), native: () => scryptHex(scryptE2e) },
    { name: 'scrypt N=16384 r=13 p=2 (e2e), @noble/hashes', job: job(scryptHex(scryptE2e), pw, scryptE2e, 'wasm', 'noble-scrypt'), native: () => scryptHex(scryptE2e) },
    { name: 'scrypt N=65536 r=1 (above RFC bound → noble)', job: job(Buffer.from(nobleScrypt(pw, scryptRfc.salt, { N: 65536, r: 1, p: 1, dkLen: 64 })).toString('hex'), pw, scryptRfc) },
    { name: 'scryptMod (Firebase N=16384 r=8 p=1 + AES-CTR)', job: job(firebase.hash, firebase.password, firebase.options), native: () => scryptModNative(firebase.password, firebase.options) },
    ...peerCases(pw, job),
  ].filter((c) => c.name.includes(process.env.PASSWORD_BENCH_FILTER ?? ''));
}


/** Iterations that make one round last about ROUND_MS. */
async function calibrate(measure) {
  const first = (await measure(1)).ms;
  return Math.max(1, Math.min(200_000, Math.round(ROUND_MS / Math.max(first, 0.01))));
}

async function measureNative(fn, iterations) {
  const before = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  const used = process.cpuUsage(before);
  return { ms: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

/**
 * Alternates workerd and native rounds so both see the same load (this machine is shared), and
 * keeps each side's least-disturbed round.
 */
async function timeCase(c, post) {
  let memory;
  const inWorker = async (iterations) => {
    memory = await post({ ...c.job, iterations });
    if (!memory.valid) throw new Error(`${c.name}: the Worker did not verify the password`);
    return { ms: memory.elapsedMs };
  };
  const native = c.native && ((iterations) => measureNative(c.native, iterations));
  const workerIterations = await calibrate(inWorker);
  const nativeIterations = native ? await calibrate(native) : 0;
  const best = { ms: Infinity, wall: Infinity, cpu: Infinity };
  for (let round = 0; round < ROUNDS; round++) {
    best.ms = Math.min(best.ms, (await inWorker(workerIterations)).ms / workerIterations);
    if (!native) continue;
    const { ms, cpu } = await native(nativeIterations);
    best.wall = Math.min(best.wall, ms / nativeIterations);
    best.cpu = Math.min(best.cpu, cpu / nativeIterations);
  }
  return { ms: best.ms, native: native ? { wall: best.wall, cpu: best.cpu } : null, memory };
}

export default async function runPasswordBench() {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  const worker = await unstable_startWorker({
    config: new URL('./wrangler.toml', import.meta.url).pathname,
    dev: { server: { port: 0 }, inspector: false, watch: false, logLevel: 'warn' },
  });
  await worker.ready;
  const post = async (job) => (await worker.fetch('http://bench/', { method: 'POST', body: JSON.stringify(job) })).json();

  const rows = [];
  try {
    for (const c of await buildCases()) {
      const { ms, native, memory } = await timeCase(c, post);
      const nativeMs = native && (c.threaded ? native.cpu : native.wall);
      rows.push({ ...c, ms, nativeMs, memory });
      const ratio = native ? (ms / nativeMs).toFixed(2) : '—';
      const nativeText = native ? `${fmt(native.wall)} wall / ${fmt(native.cpu)} cpu` : 'n/a'.padEnd(28);
      console.log(`${c.name.padEnd(52)} workerd ${fmt(ms)}  native ${nativeText}  ×${ratio}`);
    }
  } finally {
    await worker.dispose();
  }

  const memory = rows.find((r) => r.name.includes('Appwrite default), WASM'))?.memory;
  if (memory) {
    console.log(`\nWASM linear memory: peak ${(memory.peakBytes / 2 ** 20).toFixed(1)} MiB, kept after the run ${(memory.retainedBytes / 2 ** 20).toFixed(1)} MiB`);
  }
  const over = rows.filter((r) => r.nativeMs && !r.name.endsWith(', JS') && !/@noble|WebCrypto/.test(r.name) && r.ms / r.nativeMs > TARGET_RATIO);
  console.log(over.length === 0
    ? `\nEvery default implementation is within ${TARGET_RATIO}× native CPU time.`
    : `\nAbove ${TARGET_RATIO}× native: ${over.map((r) => r.name).join('; ')}`);
}

function fmt(ms) {
  const text = ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(4);
  return `${text} ms`.padStart(11);
}

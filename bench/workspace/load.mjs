// The deputies' workspace under load (scripts/bench-workspace.sh runs it): DEPUTIES deputies
// activate their accounts, then for SECONDS each reads their letters and submits a suggestion,
// with THINK ms between a deputy's requests (0: as fast as the service answers), spread over two
// instances on one source folder and one store. Half-way the script kills the second instance
// with SIGKILL; its deputies go on with the first (sessions are shared files). Prints the
// activation time and p50/p99 of reads and writes, and writes the acknowledged receipt codes
// to ACKED (one a line) for the script to check against the store.
//
//   node bench/workspace/load.mjs URL1 URL2 CODES.json SECONDS THINK ACKED

import fs from 'node:fs';

const [url1, url2, codesFile, secondsArg, thinkArg, ackedFile] = process.argv.slice(2);
const codes = JSON.parse(fs.readFileSync(codesFile, 'utf8'));
const seconds = Number(secondsArg);
const think = Number(thinkArg);
const PASSWORD = '乌拉特前旗的好代表2026年冬';
const api = (base) => `${base.replace(/\/workspace\/$/, '')}/workspace/api`;
const urls = [api(url1), api(url2)];
const down = new Set();

function pct(list, p) {
  if (!list.length) return NaN;
  const s = [...list].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** One request to the deputy's instance, or to the other when it is gone (a refused connection). */
async function call(deputy, method, path, body) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const i = down.has(deputy.home) ? 1 - deputy.home : deputy.home;
    const started = performance.now();
    try {
      const r = await fetch(`${urls[i]}/${path}`, {
        method,
        headers: { 'content-type': 'application/json', cookie: deputy.cookie || '', 'x-csrf-token': deputy.csrf || '' },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await r.json().catch(() => null);
      return { status: r.status, json, ms: performance.now() - started, headers: r.headers };
    } catch {
      down.add(i);
    }
  }
  return { status: 0, json: null, ms: 0 };
}

const deputies = codes.map((c, n) => ({ ...c, home: n % 2 }));
const t0 = performance.now();
await Promise.all(deputies.map(async (d) => {
  const r = await call(d, 'POST', 'activate', { deputy_id: d.id, code: d.code, password: PASSWORD });
  if (r.status !== 200) throw new Error(`activation of ${d.id}: ${r.status} ${JSON.stringify(r.json)}`);
  d.cookie = r.headers.get('set-cookie').split(';')[0];
  d.csrf = r.json.csrf;
}));
const activation = (performance.now() - t0) / 1000;

const reads = [];
const writes = [];
const acked = [];
let failed = 0;
const end = performance.now() + seconds * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
await Promise.all(deputies.map(async (d, n) => {
  let k = 0;
  while (performance.now() < end) {
    const r = await call(d, 'GET', 'letters');
    if (r.status === 200) reads.push(r.ms); else failed++;
    if (think) await sleep(think);
    const draft = {
      id: `bench-${d.id}-${k++}`, title: `关于第 ${k} 件事的建议`, category: '城乡建设与资源环境', lead_id: '', lead_name: '',
      facts: '村道年久失修。', analysis: '养护资金不足。', proposals: '设立养护专项资金', suggested_unit: '市交通运输局',
      attachments: '', cosigners: [], exclusions: [true, true, true, true], updated_at: '2026-12-01T10:00:00+08:00',
    };
    const w = await call(d, 'POST', 'suggestion', { draft });
    if (w.status === 200) { writes.push(w.ms); acked.push(w.json.receipt_code); } else failed++;
    if (think) await sleep(think);
  }
}));
fs.writeFileSync(ackedFile, acked.join('\n') + '\n');
const f = (x) => x.toFixed(0);
console.log(`deputies ${deputies.length}, activation of all ${activation.toFixed(1)} s (Argon2id, two at a time per instance)`);
console.log(`reads  ${reads.length} (${f(reads.length / seconds)}/s): p50 ${f(pct(reads, 50))} ms, p99 ${f(pct(reads, 99))} ms`);
console.log(`writes ${writes.length} (${f(writes.length / seconds)}/s): p50 ${f(pct(writes, 50))} ms, p99 ${f(pct(writes, 99))} ms`);
console.log(`not answered or refused: ${failed} (during the kill); instances down at the end: ${[...down].map((i) => i + 1).join(', ') || 'none'}`);

// The console under clerks working at machine speed (scripts/bench-console.sh). Each clerk
// signs in, then until the time is up: reads the letters queue, picks an open letter, and
// forwards it on the version it saw. Two clerks on one letter: one step is taken, the other is
// told 409. At the end, the letters' events must have grown by exactly the acknowledged steps.

const [url, clerks, seconds, src] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5]];
const origin = new URL(url).origin;

function percentile(list, p) {
  if (!list.length) return 0;
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function signIn(i) {
  const res = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ name: `clerk${i}`, password: `bench password ${i}` }),
  });
  if (res.status !== 200) throw new Error(`sign-in of clerk${i}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrf } = await res.json();
  return { cookie, csrf };
}

async function letters(who) {
  const res = await fetch(`${origin}/api/letters`, { headers: { cookie: who.cookie, 'sec-fetch-site': 'same-origin' } });
  if (res.status !== 200) throw new Error(`letters: ${res.status}`);
  return res.json();
}

const events = (list) => list.reduce((n, l) => n + l.version, 0);

const t0 = performance.now();
const team = await Promise.all(Array.from({ length: clerks }, (_, i) => signIn(i + 1)));
const signInMs = performance.now() - t0;
const before = events(await letters(team[0]));

const reads = [];
const changes = [];
const counts = { ok: 0, conflict: 0, other: 0 };
const end = performance.now() + seconds * 1000;
let n = 0;
await Promise.all(
  team.map(async (who, i) => {
    while (performance.now() < end) {
      let t = performance.now();
      const list = await letters(who);
      reads.push(performance.now() - t);
      const open = list.filter((l) => l.open);
      if (!open.length) continue;
      // Clerks favour the first letters of the queue (as people do): conflicts happen.
      const letter = open[Math.floor(Math.random() * Math.min(open.length, 4))];
      t = performance.now();
      const res = await fetch(`${origin}/api/letters/${letter.receipt_code}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf, origin, 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ version: letter.version, action: 'forward', department: `部门${i}-${n++}` }),
      });
      await res.arrayBuffer();
      changes.push(performance.now() - t);
      if (res.status === 200) counts.ok++;
      else if (res.status === 409) counts.conflict++;
      else counts.other++;
    }
  }),
);
const after = events(await letters(team[0]));
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`source: ${src}`);
console.log(`${clerks} clerks signed in together in ${ms(signInMs)} (Argon2, two at a time)`);
console.log(`reads   (GET /api/letters): ${reads.length} in ${seconds} s = ${(reads.length / seconds).toFixed(1)}/s, p50 ${ms(percentile(reads, 50))}, p99 ${ms(percentile(reads, 99))}`);
console.log(`changes (forward): ${changes.length} = ${(changes.length / seconds).toFixed(1)}/s, p50 ${ms(percentile(changes, 50))}, p99 ${ms(percentile(changes, 99))}; taken ${counts.ok}, told 409 ${counts.conflict}, other ${counts.other}`);
console.log(`events stored: ${after - before}, steps acknowledged: ${counts.ok}`);
if (after - before !== counts.ok || counts.other) {
  console.log('MISMATCH: the stored steps differ from the acknowledged ones, or a step failed');
  process.exit(1);
}

// The test server itself (no browser): MIME types, base path, 404.html, the __test endpoint.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer } from './serve.mjs';

let dir;
let root;
let renda;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-serve-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>index</title>');
  fs.writeFileSync(path.join(dir, '404.html'), '<!doctype html><title>fallback</title>');
  fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'app.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'app_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.mkdirSync(path.join(dir, 'data', 'news'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'data', 'site.json'), JSON.stringify({ format_version: 1, name: '站', pad: 'x'.repeat(4000) }));
  fs.writeFileSync(path.join(dir, 'data', 'news', 'page-1.json'), '{"format_version":1}');
  fs.writeFileSync(path.join(dir, '名字 空格.json'), '{}');
  root = await startServer({ dir, port: 0 });
  renda = await startServer({ dir, base: '/renda', port: 0 });
});

after(async () => {
  await root?.close();
  await renda?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function get(url, init) {
  const r = await fetch(url, { redirect: 'manual', ...init });
  return { status: r.status, type: r.headers.get('content-type'), location: r.headers.get('location'), text: await r.text() };
}

test('startServer returns a url on a free port and a close function', () => {
  assert.match(root.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.match(renda.url, /^http:\/\/127\.0\.0\.1:\d+\/renda\/$/);
  assert.notEqual(root.port, 0);
  assert.equal(typeof root.close, 'function');
});

test('serves files with the right MIME types', async () => {
  const want = {
    '': 'text/html',
    'index.html': 'text/html',
    'app.js': 'text/javascript',
    'app.css': 'text/css',
    'app_bg.wasm': 'application/wasm',
    'logo.svg': 'image/svg+xml',
    'logo.png': 'image/png',
    'data/site.json': 'application/json',
    'data/news/page-1.json': 'application/json',
  };
  for (const [p, type] of Object.entries(want)) {
    const r = await get(root.url + p);
    assert.equal(r.status, 200, p);
    assert.ok(r.type.startsWith(type), `${p}: ${r.type}`);
  }
  const enc = await get(root.url + encodeURIComponent('名字 空格.json'));
  assert.equal(enc.status, 200);
});

test('a path that is not a file gets 404.html with status 404', async () => {
  for (const p of ['direct', 'news/abc', 'data/nope.json', 'no/such/page']) {
    const r = await get(root.url + p);
    assert.equal(r.status, 404, p);
    assert.match(r.text, /fallback/, p);
    assert.ok(r.type.startsWith('text/html'), p);
  }
});

test('no escape from the directory', async () => {
  for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/data/..%2f..%2f..%2fetc%2fpasswd']) {
    const r = await get(root.origin + p);
    assert.notEqual(r.status, 200, p);
    assert.doesNotMatch(r.text, /root:/, p);
  }
});

test('base path: served under /renda/, redirect from /renda, nothing outside', async () => {
  assert.equal((await get(renda.origin + '/renda/')).text, '<!doctype html><title>index</title>');
  assert.equal((await get(renda.origin + '/renda/app.js')).status, 200);
  assert.ok((await get(renda.origin + '/renda/app_bg.wasm')).type.startsWith('application/wasm'));
  const deep = await get(renda.origin + '/renda/direct');
  assert.equal(deep.status, 404);
  assert.match(deep.text, /fallback/);
  const bare = await get(renda.origin + '/renda');
  assert.equal(bare.status, 301);
  assert.equal(bare.location, '/renda/');
  const outside = await get(renda.origin + '/app.js');
  assert.equal(outside.status, 404);
  assert.doesNotMatch(outside.text, /console/);
});

test('a directory without its slash redirects, with it serves index.html or 404', async () => {
  const r = await get(root.url + 'data');
  assert.equal(r.status, 301);
  assert.equal(r.location, '/data/');
  const r2 = await get(root.url + 'data/');
  assert.equal(r2.status, 404);
});

test('gzip when accepted, and the bytes are the same', async () => {
  const raw = fs.readFileSync(path.join(dir, 'data', 'site.json'));
  const r = await fetch(root.url + 'data/site.json', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-encoding'), 'gzip'); // fetch decodes it for us
  assert.deepEqual(Buffer.from(await r.arrayBuffer()), raw);
  assert.ok(zlib.gzipSync(raw).length < raw.length);
});

test('only GET and HEAD for files', async () => {
  const r = await get(root.url + 'index.html', { method: 'POST', body: 'x' });
  assert.equal(r.status, 405);
  const h = await fetch(root.url + 'index.html', { method: 'HEAD' });
  assert.equal(h.status, 200);
});

test('__test endpoint: submit, received, fail, reset (under the base too)', async () => {
  for (const s of [root, renda]) {
    const post = (p, body) =>
      fetch(s.url + p, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body) });
    assert.equal((await post('__test/reset')).status, 200);
    const a = await post('__test/submit', { receipt_code: '1234567890', text: '路灯不亮' });
    assert.equal(a.status, 201);
    assert.deepEqual(await a.json(), { ok: true });
    assert.equal((await post('__test/fail?on=1')).status, 200);
    const b = await post('__test/submit', { receipt_code: '2222222222' });
    assert.equal(b.status, 503);
    assert.equal((await post('__test/fail?on=0')).status, 200);
    const c = await post('__test/submit', { receipt_code: '3333333333' });
    assert.equal(c.status, 201);
    const bad = await fetch(s.url + '__test/submit', { method: 'POST', body: '{nope' });
    assert.equal(bad.status, 400);
    const got = await (await fetch(s.url + '__test/received')).json();
    assert.deepEqual(
      got.map((x) => x.receipt_code),
      ['1234567890', '3333333333'],
    );
    assert.equal(got[0].text, '路灯不亮');
    assert.deepEqual(s.state.received, got);
    const pre = await fetch(s.url + '__test/submit', { method: 'OPTIONS' });
    assert.equal(pre.status, 204);
  }
  // The endpoint lives under the base only.
  const outside = await fetch(renda.origin + '/__test/received');
  assert.equal(outside.status, 404);
});

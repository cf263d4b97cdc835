#!/usr/bin/env node
// A zero-dependency static file server for the end-to-end tests, behaving like GitHub Pages:
//
//   node serve.mjs --dir DIR [--port N] [--base /renda/] [--host 127.0.0.1]
//
// * serves DIR under the base path (default "/"); "/renda" redirects to "/renda/";
// * a directory serves its index.html; a path that is not a file serves DIR/404.html with
//   status 404 (the app's build copies index.html to 404.html, so deep links survive a reload);
// * gzip when the client accepts it, for text types;
// * a test endpoint under {base}__test/:
//     POST {base}__test/submit        record the JSON body, answer 201 {"ok":true}
//                                     (503 while failing is on, 400 for a body that is not JSON)
//     GET  {base}__test/received      the recorded bodies, as a JSON array
//     POST {base}__test/fail?on=1|0   make later submit POSTs answer 503 (on=1) or not (on=0)
//     POST {base}__test/reset         forget what was received and turn failing off
//
// Tests import startServer({dir, base, port}) and run it in-process on a free port (port 0).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript|xml|manifest\+json)|image\/svg\+xml)/;

function normalizeBase(base) {
  let b = base || '/';
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b;
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readBody(req, limit = 1 << 20) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'Access-Control-Allow-Origin': '*',
  });
  res.end(body);
}

function sendText(res, status, text, extra = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

/**
 * Start the server.
 * @param {{dir: string, base?: string, port?: number, host?: string, gzip?: boolean, log?: boolean}} opts
 * @returns {Promise<{url: string, origin: string, base: string, port: number, state: {received: any[], failing: boolean}, close: () => Promise<void>}>}
 */
export function startServer({ dir, base = '/', port = 0, host = '127.0.0.1', gzip = true, log = false, proxy = null } = {}) {
  if (!dir) throw new Error('startServer: dir is required');
  const root = path.resolve(dir);
  const basePath = normalizeBase(base);
  const testPrefix = basePath + '__test/';
  const state = { received: [], failing: false };
  const gzipCache = new Map();

  // As nginx in front of deputy-inbox (docs/operations.md): {base}{proxy.prefix}… is passed to
  // proxy.to…, with X-Real-IP, and the answer passed back as it is.
  async function handleProxy(req, res, url) {
    const rest = url.pathname.slice(basePath.length + proxy.prefix.length);
    proxy.posts = (proxy.posts || 0) + (req.method === 'POST' ? 1 : 0);
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req, 1 << 20);
    const headers = { 'X-Real-IP': req.socket.remoteAddress || '' };
    if (req.headers['content-type']) headers['Content-Type'] = req.headers['content-type'];
    let answer;
    try {
      answer = await fetch(proxy.to + rest + url.search, { method: req.method, headers, body });
    } catch {
      // The service is down: nginx set up with `error_page 502 =503` answers this way, which the
      // outbox retries by itself.
      res.setHeader('Retry-After', '30');
      sendJson(res, 503, { error: 'inbox_down' });
      return;
    }
    const out = { 'Content-Type': answer.headers.get('content-type') || 'application/json', 'Cache-Control': 'no-store' };
    if (answer.headers.get('retry-after')) out['Retry-After'] = answer.headers.get('retry-after');
    res.writeHead(answer.status, out);
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  async function handleTest(req, res, url) {
    const name = url.pathname.slice(testPrefix.length);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    if (name === 'submit' && req.method === 'POST') {
      let text;
      try {
        text = await readBody(req);
      } catch {
        sendJson(res, 413, { ok: false, error: 'body too large' });
        return;
      }
      if (state.failing) {
        sendJson(res, 503, { ok: false, error: 'failing on purpose (__test/fail?on=1)' });
        return;
      }
      let value;
      try {
        value = JSON.parse(text);
      } catch {
        sendJson(res, 400, { ok: false, error: 'body is not JSON' });
        return;
      }
      state.received.push(value);
      sendJson(res, 201, { ok: true });
      return;
    }
    if (name === 'received' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, state.received);
      return;
    }
    if (name === 'fail' && req.method === 'POST') {
      const on = url.searchParams.get('on');
      state.failing = on === '1' || on === 'true';
      sendJson(res, 200, { ok: true, failing: state.failing });
      return;
    }
    if (name === 'reset' && req.method === 'POST') {
      state.received.length = 0;
      state.failing = false;
      sendJson(res, 200, { ok: true });
      return;
    }
    sendJson(res, 404, { ok: false, error: `unknown test endpoint ${req.method} ${name}` });
  }

  function serveFile(req, res, file, status) {
    const ext = path.extname(file).toLowerCase();
    const type = MIME[ext] || 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    let body = fs.readFileSync(file);
    const accepts = String(req.headers['accept-encoding'] || '');
    if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(accepts) && body.length > 1024) {
      const mtime = fs.statSync(file).mtimeMs;
      const hit = gzipCache.get(file);
      if (hit && hit.mtime === mtime && hit.size === body.length) {
        body = hit.gz;
      } else {
        const gz = zlib.gzipSync(body);
        gzipCache.set(file, { mtime, size: body.length, gz });
        body = gz;
      }
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function notFound(req, res) {
    const page = path.join(root, '404.html');
    if (isFile(page)) serveFile(req, res, page, 404);
    else sendText(res, 404, 'Not found\n');
  }

  const server = http.createServer(async (req, res) => {
    let url;
    try {
      url = new URL(req.url, 'http://localhost');
    } catch {
      sendText(res, 400, 'Bad request\n');
      return;
    }
    if (log) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
    try {
      if (url.pathname.startsWith(testPrefix)) {
        await handleTest(req, res, url);
        return;
      }
      if (proxy && url.pathname.startsWith(basePath + proxy.prefix)) {
        await handleProxy(req, res, url);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      if (url.pathname + '/' === basePath) {
        res.writeHead(301, { Location: basePath + url.search });
        res.end();
        return;
      }
      if (!url.pathname.startsWith(basePath)) {
        sendText(res, 404, `Not found (this server serves under ${basePath})\n`);
        return;
      }
      let rel;
      try {
        rel = decodeURIComponent(url.pathname.slice(basePath.length));
      } catch {
        sendText(res, 400, 'Bad request\n');
        return;
      }
      if (rel.includes('\0')) {
        sendText(res, 400, 'Bad request\n');
        return;
      }
      const target = path.resolve(root, '.' + path.posix.sep + rel);
      if (target !== root && !target.startsWith(root + path.sep)) {
        notFound(req, res);
        return;
      }
      // An entry page (deputy-data pages): /direct/deputy/x from direct/deputy/x.html, as
      // nginx's `try_files $uri $uri.html $uri/ /404.html` does (docs/operations.md).
      if (!url.pathname.endsWith('/') && !isFile(target) && isFile(target + '.html')) {
        serveFile(req, res, target + '.html', 200);
        return;
      }
      if (isDir(target)) {
        if (!url.pathname.endsWith('/')) {
          // GitHub Pages redirects a directory without its slash.
          res.writeHead(301, { Location: url.pathname + '/' + url.search });
          res.end();
          return;
        }
        const index = path.join(target, 'index.html');
        if (isFile(index)) serveFile(req, res, index, 200);
        else notFound(req, res);
        return;
      }
      if (isFile(target)) {
        serveFile(req, res, target, 200);
        return;
      }
      notFound(req, res);
    } catch (e) {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${e && e.message}\n`);
      else res.destroy();
    }
  });

  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      const origin = `http://${host}:${actual}`;
      resolve({
        url: origin + basePath,
        origin,
        base: basePath,
        port: actual,
        state,
        server,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const out = { dir: '.', port: 8080, base: '/', host: '127.0.0.1', log: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (key) {
      case '--dir':
        out.dir = value();
        break;
      case '--port':
        out.port = Number(value());
        break;
      case '--base':
        out.base = value();
        break;
      case '--host':
        out.host = value();
        break;
      case '--quiet':
        out.log = false;
        break;
      case '--no-gzip':
        out.gzip = false;
        break;
      case '-h':
      case '--help':
        console.log('usage: node serve.mjs --dir DIR [--port N] [--base /renda/] [--host 127.0.0.1] [--quiet] [--no-gzip]');
        process.exit(0);
        break;
      default:
        console.error(`serve.mjs: unknown argument ${a}`);
        process.exit(2);
    }
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) {
    console.error('serve.mjs: --port must be a number from 0 to 65535');
    process.exit(2);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const opts = parseArgs(process.argv.slice(2));
  if (!isDir(opts.dir)) {
    console.error(`serve.mjs: no such directory: ${opts.dir}`);
    process.exit(2);
  }
  const s = await startServer(opts);
  console.log(`serving ${path.resolve(opts.dir)} at ${s.url}`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

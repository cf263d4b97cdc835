#!/usr/bin/env node
// Precompressed copies of a build's app files, for hosts that serve them (nginx's gzip_static
// and brotli_static, Caddy's precompressed, object storage with Content-Encoding): FILE.gz
// (gzip -9) and FILE.br (brotli 11) beside every html, js, css, svg, webmanifest and wasm file
// outside data/ (the data tool writes data/). A copy that would not be smaller is not written.
//
//   node scripts/precompress.mjs DIST
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2];
if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('usage: node scripts/precompress.mjs DIST (a build with index.html)');
  process.exit(1);
}
const TEXT = /\.(?:html|js|mjs|css|svg|webmanifest|json|wasm)$/;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path.relative(dist, p) !== 'data') yield* files(p);
    } else if (TEXT.test(entry.name)) {
      yield p;
    }
  }
}

let count = 0;
for (const f of files(dist)) {
  const raw = fs.readFileSync(f);
  const gz = zlib.gzipSync(raw, { level: 9 });
  const br = zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  for (const [ext, body] of [['.gz', gz], ['.br', br]]) {
    if (body.length < raw.length) {
      fs.writeFileSync(f + ext, body);
      count++;
    } else {
      fs.rmSync(f + ext, { force: true });
    }
  }
}
console.log(`precompressed ${count} files in ${dist}`);

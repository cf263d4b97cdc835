// Minify a stylesheet for the release build (lightningcss from tools/): the stylesheet is part
// of every first load, and its comments and spacing are a fifth of its gzip size.
//   node scripts/minify-css.mjs IN OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tools/package.json', import.meta.url));
const { transform } = require('lightningcss');
const [input, output] = process.argv.slice(2);
const { code } = transform({ filename: input, code: readFileSync(input), minify: true });
writeFileSync(output, code);

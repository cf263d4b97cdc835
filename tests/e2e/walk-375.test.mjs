// The shell walk (walk.mjs) at mobile width.
import { MOBILE } from './lib.mjs';
import { walk } from './walk.mjs';

walk('zh', MOBILE);

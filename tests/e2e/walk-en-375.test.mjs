// The shell walk (walk.mjs) at mobile width, in English.
import { MOBILE } from './lib.mjs';
import { walk } from './walk.mjs';

walk('en', MOBILE);

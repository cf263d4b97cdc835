// The shell walk (walk.mjs) at desktop width, in English.
import { DESKTOP } from './lib.mjs';
import { walk } from './walk.mjs';

walk('en', DESKTOP);

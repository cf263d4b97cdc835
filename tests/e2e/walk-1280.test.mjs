// The shell walk (walk.mjs) at desktop width.
import { DESKTOP } from './lib.mjs';
import { walk } from './walk.mjs';

walk('zh', DESKTOP);

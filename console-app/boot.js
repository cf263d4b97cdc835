// Starts the console app (a file, not an inline script: the console's policy allows none).
import init from './pkg/deputy-console-app.js';
await init({ module_or_path: new URL('./pkg/deputy-console-app_bg.wasm', import.meta.url) });

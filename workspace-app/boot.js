// Starts the workspace app (a file, not an inline script: the workspace's policy allows none).
// The device's 关怀版 and language choices are applied before the app paints, so that neither
// flashes in the other mode.
try {
  if (localStorage.getItem('dh_ws_care') === '1') document.documentElement.classList.add('care');
  if (localStorage.getItem('dh_ws_lang') === 'en') document.documentElement.lang = 'en';
} catch (e) { /* storage off: the defaults */ }
import('./pkg/deputy-workspace-app.js').then((m) =>
  m.default({ module_or_path: new URL('./pkg/deputy-workspace-app_bg.wasm', import.meta.url) }));

// Starts the page: imports the wasm-bindgen glue and instantiates the WebAssembly that Trunk
// built. It is a file rather than Trunk's default inline <script> so that index.html's
// Content-Security-Policy can forbid inline scripts. Trunk.toml's `pattern_script` writes the
// hashed file names into <template id="credflow-app">, relative to index.html (`public_url =
// "./"`), so that the page works from any folder of any server.
//
// If the WebAssembly cannot start (a file missing after a new deployment, a download cut short,
// a wrong MIME type, a proxy that blocks .wasm, a browser or policy that refuses WebAssembly), it
// reports which file failed; the page's inline script (public/first.js) says why and what to
// check, instead of leaving a blank page.
// The Diagnose panel's module is imported only when the panel first opens; the page's
// WebAssembly cannot write import() itself. Only files next to index.html.
window.credflowImport = (file) => import(new URL(file, document.baseURI).href);
// A link that asks for a comparison (b. keys) or a question (quiz=1) starts the training
// build, the same app with both (index.html); any other starts the planner's. The pairs are
// read as the app reads them (form-urlencoded, keys percent-decoded too).
const pairs = [...new URLSearchParams(location.hash.slice(1))];
const training = pairs.some(([key, value]) => key.startsWith('b.') || (key === 'quiz' && value === '1'));
const app = document.getElementById('credflow-app');
const js = new URL(training ? 'credflow-training.js' : app.dataset.js, document.baseURI).href;
const wasm = new URL(training ? 'credflow-training_bg.wasm' : app.dataset.wasm, document.baseURI).href;
let file = js;
try {
  const { default: init } = await import(js);
  // A link's diagram drawn by the core alone (public/first.js) goes on screen first, but the
  // app never waits for it longer than a second.
  if (window.credflowPreview) {
    await Promise.race([window.credflowPreview, new Promise((go) => setTimeout(go, 1000))]);
  }
  file = wasm;
  const instance = await init({ module_or_path: wasm });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
} catch (error) {
  // A panic while starting has already shown its own message (src/crash.rs).
  if (!document.getElementById('crash')) {
    dispatchEvent(new CustomEvent('credflow:start-failed', { detail: { file, error: String(error) } }));
  }
  throw error;
}

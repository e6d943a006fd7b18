// Starts the page: imports the wasm-bindgen glue and instantiates the WebAssembly that Trunk
// built. It is a file rather than Trunk's default inline <script> so that index.html's
// Content-Security-Policy can forbid inline scripts. Trunk.toml's `pattern_script` writes the
// hashed file names into <template id="credflow-app">.
const app = document.getElementById('credflow-app');
const { default: init } = await import(app.dataset.js);
const wasm = await init({ module_or_path: app.dataset.wasm });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

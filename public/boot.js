// Starts the page: imports the wasm-bindgen glue and instantiates the WebAssembly that Trunk
// built. It is a file rather than Trunk's default inline <script> so that index.html's
// Content-Security-Policy can forbid inline scripts. Trunk.toml's `pattern_script` writes the
// hashed file names into <template id="credflow-app">.
//
// If the WebAssembly cannot start (a file missing after a new deployment, a download cut short,
// a browser or policy that refuses WebAssembly), it says so instead of leaving a blank page.
const app = document.getElementById('credflow-app');
try {
  const { default: init } = await import(app.dataset.js);
  const wasm = await init({ module_or_path: app.dataset.wasm });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  // A panic while starting has already shown its own message (src/crash.rs).
  if (!document.getElementById('crash')) {
    // The prerendered first paint (if shown) cannot act: the message takes its place.
    document.getElementById('prerender')?.remove();
    const box = document.createElement('div');
    box.id = 'boot-error';
    box.setAttribute('role', 'alert');
    const title = document.createElement('h2');
    title.textContent = 'credflow could not start';
    const text = document.createElement('p');
    text.textContent = 'Its WebAssembly could not be loaded (' + error + '). Reload the page; ' +
      'if this persists, the browser, an extension or a proxy may be blocking WebAssembly. ' +
      'The command-line tool credflow gives the same answers.';
    box.append(title, text);
    document.body.append(box);
  }
  throw error;
}

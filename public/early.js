// The page's first inline script, at the top of <head>. The build writes it there without these
// comment lines (src/bin/prerender.rs) and allows it in the Content-Security-Policy by its hash.
// It runs before anything else is fetched or parsed, and does two things that cannot wait for
// the rest of the page:
//
// 1. The theme the reader chose (or, in the embed view, the wiki's, from the link), so that the
//    page is never drawn in the other one first (the app applies it again).
// 2. For a link, or a scenario saved in this browser, it starts fetching and compiling the core
//    alone (crates/preview: a WebAssembly a quarter of the page's size, without its framework)
//    while the page is still loading. public/first.js runs it and shows the scenario's verdict
//    and diagram in the prerendered page's place. A first visit, a query string (`?reset`), a
//    comparison or a question (whose outcomes stay hidden until answered) fetches nothing here.
(function () {
  // Its work is done once it has run: the running page holds no inline script.
  document.currentScript.remove();
  var saved = null;
  var theme = null;
  try {
    saved = localStorage.getItem('credflow.scenario');
    theme = localStorage.getItem('credflow.theme');
  } catch (e) {
    // Storage refused (private mode, sandboxed iframe): nothing saved.
  }
  var hash = location.hash;
  var linked = /[#&]theme=(light|dark)(&|$)/.exec(hash);
  if (linked && /[#&]view=embed(&|$)/.test(hash)) theme = linked[1];
  if (theme === 'dark' || theme === 'light') document.documentElement.setAttribute('data-theme', theme);
  var early = { saved: saved, theme: theme, link: null, compiled: null };
  window.credflowEarly = early;
  var link = hash.length > 1 ? hash.slice(1) : saved;
  if (link === null || location.search.length > 1) return;
  // A comparison (b. keys) or a question, read as the app reads a link (public/boot.js too).
  var training = false;
  new URLSearchParams(link).forEach(function (value, key) {
    if (key.indexOf('b.') === 0 || (key === 'quiz' && value === '1')) training = true;
  });
  if (training) return;
  var address = new URL('credflow-preview_bg.wasm', document.baseURI).href;
  // Compiled as it arrives (off the main thread, while the page is parsed). A server that sends
  // it with another type than application/wasm only makes it slower.
  early.link = link;
  early.compiled = WebAssembly.compileStreaming(fetch(address)).catch(function () {
    return fetch(address).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
  });
})();

// The page's first inline script, at the top of <head>. The build writes it there without these
// comment lines (src/bin/prerender.rs) and allows it in the Content-Security-Policy by its hash.
// It runs before anything else is fetched or parsed, and does one thing that cannot wait for
// the rest of the page: for a link, it starts fetching and compiling the core alone
// (crates/preview: a WebAssembly a quarter of the page's size, without its framework) while
// the page is still loading. public/first.js runs it and shows the link's verdict and diagram in
// the prerendered page's place (and starts it itself for a scenario saved in this browser). A
// first visit (it touches no storage, so that nothing holds up the rest of the page), a query
// string (`?reset`), a comparison or a question (whose outcomes stay hidden until answered)
// fetches nothing here.
(function () {
  // Its work is done once it has run: the running page holds no inline script.
  document.currentScript.remove();
  // The preview of a link (a fragment without its `#`, or a saved scenario): the link and its
  // compiled WebAssembly to come; null for a comparison (b. keys) or a question, read as the
  // app reads a link (public/boot.js too). A server that sends the WebAssembly with another
  // type than application/wasm only makes it slower.
  window.credflowPreviewOf = function (link) {
    var training = false;
    new URLSearchParams(link).forEach(function (value, key) {
      if (key.indexOf('b.') === 0 || (key === 'quiz' && value === '1')) training = true;
    });
    if (training) return null;
    var address = new URL('credflow-preview_bg.wasm', document.baseURI).href;
    var compiled = WebAssembly.compileStreaming(fetch(address)).catch(function () {
      return fetch(address).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
    });
    return { link: link, compiled: compiled };
  };
  if (location.hash.length > 1 && location.search.length < 2) {
    window.credflowEarly = window.credflowPreviewOf(location.hash.slice(1));
  }
})();

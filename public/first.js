// The first-visit script. The build writes it, without these comment lines, as an inline script
// at the end of the prerendered page in index.html (src/bin/prerender.rs), and allows it in the
// Content-Security-Policy by its hash: inline, it runs as soon as the parser reaches it, once
// the style sheet is in, without a download of its own.
//
// The built index.html holds the page as the app first draws it for a first visit: the default
// scenario, nothing saved (scripts/prerender). It is hidden (main.css) unless this script finds
// a first visit: no link in the address, no query string, no saved scenario. Then it is shown,
// inert, so that the diagram is on screen before the WebAssembly has started, and the app
// replaces it when it starts (src/main.rs). For anyone else it is removed at once (this script
// with it), and they wait for the app, so that nobody ever sees a scenario other than their own.
(function () {
  var root = document.documentElement;
  var saved = null;
  var theme = null;
  try {
    saved = localStorage.getItem('credflow.scenario');
    theme = localStorage.getItem('credflow.theme');
  } catch (e) {
    // Storage refused (private mode, sandboxed iframe): nothing saved.
  }
  // The remembered theme, before the page is drawn (the app applies it again).
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  var prerendered = document.getElementById('prerender');
  if (!prerendered || !prerendered.querySelector('svg')) return;
  if (location.hash.length > 1 || location.search.length > 1 || saved !== null) {
    prerendered.remove();
    return;
  }
  root.classList.add('prerendered');
  // The theme button says what the app's will: pressed when the page is dark (the prerendered
  // HTML cannot know the system's choice).
  var dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  var toggle = document.getElementById('theme-toggle');
  if (toggle) toggle.setAttribute('aria-pressed', String(dark));
  // The mark the app sets when it draws its first diagram (read by scripts/bench).
  performance.mark('credflow:first-diagram');
})();

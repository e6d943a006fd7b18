// The page's one inline script. The build writes it, without these comment lines, at the end of
// the prerendered page in index.html (src/bin/prerender.rs), and allows it in the
// Content-Security-Policy by its hash: inline, it runs as soon as the parser reaches it, once
// the style sheet is in, without a download of its own — and so it runs even where every file
// of the page fails to load. It does two things.
//
// 1. If credflow cannot start, it says what failed and what to check, instead of a blank page.
// public/boot.js reports a failed import of the glue or start of the WebAssembly as the event
// `credflow:start-failed`; a boot.js that cannot be loaded at all (a wrong folder, a wrong MIME
// type, a frame sandboxed without CORS) only shows as an `error` event of its <script>, caught
// here. It then asks the server for the file once more, to tell a missing file, a wrong type, a
// proxy's block page and a cross-origin refusal apart.
//
// 2. The built index.html holds the page as the app first draws it for a first visit: the
// default scenario, nothing saved (scripts/prerender). It is hidden (main.css) unless this script
// finds a first visit: no link in the address, no query string, no saved scenario. Then it is
// shown, inert, so that the diagram is on screen before the WebAssembly has started, and the app
// replaces it when it starts (src/lib.rs). A link or a saved scenario sees only its own diagram
// in it (3, below); a query string (`?reset`) removes it at once, so that nobody ever sees a
// scenario other than their own.
(function () {
  var root = document.documentElement;
  var failed = false;
  function cause(file) {
    var name = file.split(/[?#]/)[0];
    return fetch(file, { cache: 'no-store' }).then(function (r) {
      var type = (r.headers.get('Content-Type') || 'none').split(';')[0].trim();
      if (!r.ok) {
        return 'The server answered ' + r.status + ' ' + r.statusText + ' for it: the file is not where index.html expects it, next to it. Copy every file of the release into the folder of index.html (IIS answers 404 for a type it does not know, such as .wasm without the web.config).';
      }
      if (/\.js$/.test(name) && !/javascript|ecmascript/.test(type)) {
        return 'The server sends it as "' + type + '"; a browser runs a script only when it is sent as text/javascript. Map .js to text/javascript.';
      }
      return r.arrayBuffer().then(function (b) {
        var h = new Uint8Array(b.slice(0, 4));
        if (/\.wasm$/.test(name) && !(h[0] === 0 && h[1] === 0x61 && h[2] === 0x73 && h[3] === 0x6d)) {
          return 'The server sent something else instead ("' + type + '", ' + b.byteLength + ' bytes), such as a proxy\'s or filter\'s block page: something between the browser and the server blocks .wasm files. Ask for them to be let through (type application/wasm).';
        }
        return 'It arrives ("' + type + '", ' + b.byteLength + ' bytes), but the browser refused it: a copy cut short or of another version (copy the release again, then reload), or a browser policy or extension that blocks WebAssembly.';
      });
    }, function () {
      return window.origin === 'null'
        ? 'The page is in a frame sandboxed without allow-same-origin, where each of its files is a cross-origin request, and the server does not allow those: it must send Access-Control-Allow-Origin (the web.config of the release does), or the frame needs allow-same-origin.'
        : 'The request failed: the server cannot be reached, or a proxy or firewall blocks it.';
    });
  }
  function fail(file, error) {
    if (failed || document.getElementById('crash')) return;
    failed = true;
    // The prerendered first paint (if shown) cannot act: the message takes its place.
    var page = document.getElementById('prerender');
    if (page) page.remove();
    var box = document.createElement('div');
    box.id = 'boot-error';
    box.setAttribute('role', 'alert');
    var title = document.createElement('h2');
    title.textContent = 'credflow could not start';
    var what = document.createElement('p');
    what.textContent = 'It could not load ' + file + (error ? ' (' + error + ')' : '') + '.';
    var why = document.createElement('p');
    why.id = 'boot-error-cause';
    why.textContent = 'Checking why…';
    var check = document.createElement('p');
    check.textContent = 'To check: every file of the release in one folder, served as it is (docs/deploy.md: IIS, nginx, Apache, a wiki\'s attachments). The command-line tool credflow gives the same answers.';
    box.append(title, what, why, check);
    document.body.append(box);
    cause(file).then(function (text) { why.textContent = text; });
  }
  addEventListener('credflow:start-failed', function (e) { fail(e.detail.file, e.detail.error); });
  addEventListener('error', function (e) {
    // Only the page's own loader (the first module script, in <head>), not a script added later.
    var t = e.target;
    if (t && t === document.querySelector('script[type=module][src]')) fail(t.src, '');
  }, true);

  var saved = null;
  var theme = null;
  try {
    saved = localStorage.getItem('credflow.scenario');
    theme = localStorage.getItem('credflow.theme');
  } catch (e) {
    // Storage refused (private mode, sandboxed iframe): nothing saved.
  }
  // The embed view follows its link's theme (the wiki's), else the remembered one.
  var hash = location.hash;
  var linked = /[#&]theme=(light|dark)(&|$)/.exec(hash);
  if (linked && /[#&]view=embed(&|$)/.test(hash)) theme = linked[1];
  // The theme, before the page is drawn (the app applies it again).
  if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
  // A link's preview, started by public/early.js.
  var early = window.credflowEarly || null;
  var prerendered = document.getElementById('prerender');
  if (!prerendered || !prerendered.querySelector('svg')) return;
  // The theme button says what the app's will: pressed when the page is dark (the prerendered
  // HTML cannot know the system's choice).
  var dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  var toggle = document.getElementById('theme-toggle');
  if (toggle) toggle.setAttribute('aria-pressed', String(dark));
  if (hash.length > 1 || location.search.length > 1 || saved !== null) {
    // A saved scenario's preview starts here (public/early.js touches no storage); a link's
    // is under way already; a comparison or a question saved gets none.
    if (hash.length < 2 && location.search.length < 2 && window.credflowPreviewOf) {
      early = window.credflowPreviewOf(saved);
    }
    preview();
    return;
  }
  root.classList.add('prerendered');
  // The mark the app sets when it draws its first diagram (read by scripts/bench).
  performance.mark('credflow:first-diagram');

  // 3. A link, or a scenario saved in this browser, is not the prerendered scenario: it sees
  // its own verdict and diagram there once public/early.js has drawn them, inert, and nothing
  // of the default scenario (main.css hides the settings). The app replaces it all when it
  // starts. Anything public/early.js did not draw (a query string, a comparison, a question, a
  // link the core cannot read, a file that failed) leaves the page to the app.
  function preview() {
    var gone = function () {
      if (document.contains(prerendered)) prerendered.remove();
    };
    if (!early) return gone();
    // Runs the core (crates/preview: its `alloc` and `preview`) on the link, synchronously.
    // wasm-bindgen's imports (it adds them to every module it builds) are not used by it: each
    // is given a function that does nothing. The answer's fields are each a length and UTF-8.
    var run = function (module) {
      var imports = {};
      WebAssembly.Module.imports(module).forEach(function (i) {
        (imports[i.module] = imports[i.module] || {})[i.name] = function () {};
      });
      var core = new WebAssembly.Instance(module, imports).exports;
      if (core.__wbindgen_start) core.__wbindgen_start();
      var link = new TextEncoder().encode(early.link);
      var at = core.alloc(link.length);
      new Uint8Array(core.memory.buffer, at, link.length).set(link);
      var out = core.preview(at, link.length);
      if (!out) return null;
      var memory = core.memory.buffer;
      var view = new DataView(memory);
      var text = new TextDecoder();
      var fields = [];
      for (var pos = out + 4, end = pos + view.getUint32(out, true); pos < end; ) {
        var length = view.getUint32(pos, true);
        fields.push(text.decode(new Uint8Array(memory, pos + 4, length)));
        pos += 4 + length;
      }
      return {
        svg: fields[0], step: fields[1], outcome: fields[2], marker: fields[3],
        headline: fields[4], reason: fields[5], fix: fields[6], warnings: fields[7],
      };
    };
    var place = function (drawn) {
      // The app has started first: it owns the page.
      if (!document.contains(prerendered)) return;
      if (!drawn) return gone();
      var diagram = prerendered.querySelector('#diagram');
      var verdict = prerendered.querySelector('#verdict');
      // The verdict as the app's banner shows it (src/components/verdict.rs), its text as text.
      var line = function (css, text, label) {
        var p = document.createElement('p');
        p.className = css;
        if (label) {
          var strong = document.createElement('strong');
          strong.textContent = label;
          p.append(strong);
        }
        p.append(text);
        return p;
      };
      var title = verdict.querySelector('.verdict-title');
      title.querySelector('.marker').textContent = drawn.marker;
      title.lastChild.textContent = drawn.headline;
      var parts = [title, line('verdict-reason', drawn.reason)];
      if (drawn.fix) parts.push(line('verdict-fix', drawn.fix, 'Fix: '));
      drawn.warnings.split('\n').forEach(function (w) {
        if (w) parts.push(line('verdict-warning', w));
      });
      verdict.replaceChildren.apply(verdict, parts);
      verdict.className = 'verdict outcome-' + drawn.outcome;
      verdict.setAttribute('data-outcome', drawn.outcome);
      if (new URLSearchParams(early.link).get('view') === 'embed') {
        var main = document.createElement('main');
        main.className = 'embed';
        main.append(verdict, diagram.closest('figure'));
        prerendered.replaceChildren(prerendered.querySelector('style') || '', main);
      } else {
        var intro = document.getElementById('intro');
        if (intro) intro.remove();
      }
      diagram.innerHTML = drawn.svg;
      // The deciding step highlighted, as the app does at first (src/components/diagram.rs).
      var row = drawn.step ? diagram.querySelector('[data-step="' + drawn.step + '"]') : null;
      if (row) {
        row.classList.add('sel');
        diagram.classList.add('has-sel');
      }
      root.classList.add('prerendered', 'previewed');
      performance.mark('credflow:first-diagram');
    };
    // public/boot.js starts the app once the diagram is on screen (or has failed): starting,
    // the app holds the main thread for longer than the diagram takes.
    window.credflowPreview = early.compiled.then(function (module) { place(run(module)); }).catch(gone).then(function () {
      return new Promise(function (painted) {
        requestAnimationFrame(function () { setTimeout(painted); });
      });
    });
  }
})();

/*
 * The site search: Material's search box and dialog in the header, answered by Pagefind's index
 * (pagefind/, written after the build by scripts/mkdocs_hook.py). Nothing loads until the reader
 * opens the search; then pagefind.js fetches only the index chunks of the words asked for.
 *
 * The query is folded with the same table as the index (pagefind/fold.json, from
 * scripts/natoaz/model/fold.py): "Mudafie" finds "Müdafiə", "melange" finds "mélange".
 * Keyboard: "/" or "s" opens the search, arrows move through the results, Enter opens the first,
 * Escape closes. `?q=words` in the address runs a search on load (the 404 page's form).
 * Results are built as DOM nodes with textContent: no page text is ever parsed as HTML.
 * Without Material's search plugin only (with it, Material's own search runs). Self-written.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-natoaz-search=search]");
  var script = document.currentScript;
  if (!root || !script) return;

  var site = new URL("../../", script.src); // this file is assets/javascripts/search.js
  var toggle = document.getElementById("__search");
  var form = root.querySelector("form");
  var input = root.querySelector(".md-search__input");
  var status = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var words = {};
  try {
    words = JSON.parse(document.getElementById("__config").textContent).translations || {};
  } catch (error) {
    words = {};
  }
  var LIMIT = 10;
  var engine = null;
  var table = {};
  var latest = 0;

  function say(key, count, fallback) {
    var text = words[key] || fallback;
    return count === undefined ? text : text.replace("#", String(count));
  }

  function fold(text) {
    var out = "";
    for (var char of text) out += Object.prototype.hasOwnProperty.call(table, char) ? table[char] : char;
    return out.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
  }

  function load() {
    if (!engine) {
      var bundle = new URL("pagefind/", site);
      engine = Promise.all([
        import(new URL("pagefind.js", bundle).href),
        fetch(new URL("fold.json", bundle).href).then(function (r) { return r.ok ? r.json() : {}; })
      ]).then(function (loaded) {
        table = loaded[1] || {};
        var pagefind = loaded[0];
        return pagefind.options({
          baseUrl: site.pathname,
          excerptLength: 24,
          // `lead`: the h1 of programme, person and sector pages and of the timeline's year parts;
          // `foldlead`: the folded words of those pages (natoaz/search/markup.py)
          ranking: { metaWeights: { lead: 10, foldlead: 5 } }
        }).then(function () {
          return pagefind;
        });
      });
      engine.catch(function () {
        status.textContent = say("search.result.none", undefined, "No matching documents");
      });
    }
    return engine;
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    if (!input.value) status.textContent = say("search.result.placeholder", undefined, "Type to start searching");
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  // The excerpt as text, each word that starts with a folded query word marked.
  function excerpt(text, terms) {
    var p = document.createElement("p");
    text.split(/(\s+)/).forEach(function (part) {
      var plain = fold(part).replace(/[^\p{L}\p{N}]+/gu, "");
      var hit = plain && terms.some(function (t) { return plain.indexOf(t) === 0; });
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(part));
      }
    });
    return p;
  }

  function item(data, terms) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.appendChild(title);
    if (data.plain_excerpt) article.appendChild(excerpt(data.plain_excerpt, terms));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function search() {
    var query = fold(input.value).trim();
    var ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = say("search.result.placeholder", undefined, "Type to start searching");
      return Promise.resolve();
    }
    return load().then(function (pagefind) {
      return pagefind.debouncedSearch(query, {}, 120);
    }).then(function (found) {
      if (!found || ticket !== latest) return null;
      return Promise.all(found.results.slice(0, LIMIT).map(function (r) { return r.data(); }))
        .then(function (pages) { return { total: found.results.length, pages: pages }; });
    }).then(function (shown) {
      if (!shown || ticket !== latest) return;
      var terms = query.split(/\s+/).map(function (t) { return t.replace(/[^\p{L}\p{N}]+/gu, ""); })
        .filter(Boolean);
      list.replaceChildren.apply(list, shown.pages.map(function (data) { return item(data, terms); }));
      status.textContent = shown.total === 0 ? say("search.result.none", undefined, "No matching documents")
        : shown.total === 1 ? say("search.result.one", undefined, "1 matching document")
        : say("search.result.other", shown.total, "# matching documents");
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  function move(step) {
    var all = links();
    if (!all.length) return;
    var at = all.indexOf(document.activeElement);
    var next = at + step;
    if (next < 0) input.focus();
    else all[Math.min(next, all.length - 1)].focus();
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      open();
      input.focus();
    }
  });
  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      search();
      input.focus();
    });
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      move(1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move(-1);
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      input.focus();
    }
  });

  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked.slice(0, 200);
    open();
    input.focus();
    search();
  }
})();

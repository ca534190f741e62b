/*
 * Timeline filter: shows the filter form (hidden without JavaScript, when every entry is listed),
 * hides entries whose data-sectors / data-programmes / data-type do not match, and keeps the choice
 * in the address (?sector=demining&programme=deep&type=quote) so a filtered view can be shared.
 * The timeline is in parts (one page per year): the choice is added to every link between parts
 * (a[data-natoaz-part]), and an old address timeline/#1994 or timeline/#<entry> is forwarded to its year.
 * A year of many entries is in pages (nav.natoaz-pages, each link with the days it spans): an address
 * timeline/2025/#<entry> whose entry is on a later page is sent on to the page that spans its date.
 * Self-written, no library. Runs on full page loads (Material's instant navigation is off).
 */
(function () {
  "use strict";

  var FIELDS = ["sector", "programme", "type"];

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  function matches(entry, choice) {
    if (choice.sector && words(entry.getAttribute("data-sectors")).indexOf(choice.sector) < 0) return false;
    if (choice.programme && words(entry.getAttribute("data-programmes")).indexOf(choice.programme) < 0) return false;
    if (choice.type === "key") return entry.getAttribute("data-key") === "true";
    if (choice.type) return entry.getAttribute("data-type") === choice.type;
    return true;
  }

  // A year link's data-sectors / data-programmes / data-types say what the year holds (of the programmes,
  // only those in the list; a programme chosen by its address, `listed` false, hides no year).
  function yearHolds(link, choice, listed) {
    if (choice.sector && words(link.getAttribute("data-sectors")).indexOf(choice.sector) < 0) return false;
    if (choice.programme && listed &&
        words(link.getAttribute("data-programmes")).indexOf(choice.programme) < 0) return false;
    if (choice.type && words(link.getAttribute("data-types")).indexOf(choice.type) < 0) return false;
    return true;
  }

  // Is the chosen programme one the list offered (not one added from the address)?
  function listed(select) {
    var option = select && select.options[select.selectedIndex];
    return !(option && option.hasAttribute("data-natoaz-added"));
  }

  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) return true;
    }
    return false;
  }

  // Links between parts carry the choice: ?sector=…&programme=…&type=…
  function carry(current) {
    var links = document.querySelectorAll("a[data-natoaz-part]");
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].getAttribute("href"), window.location.href);
      FIELDS.forEach(function (name) {
        if (current[name]) url.searchParams.set(name, current[name]);
        else url.searchParams.delete(name);
      });
      links[i].setAttribute("href", url.pathname + url.search + url.hash);
    }
  }

  // timeline/#1994 or timeline/#<event id> (addresses from before the split): open the year's part.
  function forward() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var year = /^[0-9]{4}$/.test(hash) ? hash : ((/(?:^|-)([0-9]{4})-/.exec(hash) || [])[1]);
    if (!year) return false;
    var target = document.getElementById(year);
    if (!target || !target.hasAttribute("data-natoaz-part")) return false;
    var url = new URL(target.getAttribute("href"), window.location.href);
    url.search = window.location.search;
    url.hash = hash === year ? "" : "#" + encodeURIComponent(hash);
    window.location.replace(url.href);
    return true;
  }

  // timeline/2025/#<entry> where the entry is not on this page: the page of the year spanning its date
  // (the id holds the date: 2025-05-06-… or quote-…-2025-05-06-…); only later pages, so it cannot loop.
  function forwardInYear() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash || document.getElementById(hash)) return false;
    var found = /(?:^|-)([0-9]{4}(?:-[0-9]{2}){0,2})(?:-|$)/.exec(hash);
    var here = document.querySelector("a[data-natoaz-page][aria-current]");
    if (!found || !here) return false;
    var day = found[1];
    var best = null;
    var links = document.querySelectorAll("a[data-natoaz-page]:not([aria-current])");
    for (var i = 0; i < links.length; i++) {
      var first = links[i].getAttribute("data-first");
      if (first > here.getAttribute("data-first") && first.slice(0, day.length) <= day &&
          (!best || first > best.getAttribute("data-first"))) best = links[i];
    }
    if (!best) return false;
    var url = new URL(best.getAttribute("href"), window.location.href);
    url.search = window.location.search;
    url.hash = "#" + encodeURIComponent(hash);
    window.location.replace(url.href);
    return true;
  }

  function init(form) {
    var selects = {};
    FIELDS.forEach(function (name) {
      selects[name] = form.querySelector("select[name='" + name + "']");
    });
    var yearSelect = form.querySelector("select[name='year']");
    var yearLinks = Array.prototype.slice.call(document.querySelectorAll("a[data-natoaz-year]"));
    var bars = Array.prototype.slice.call(document.querySelectorAll("rect[data-sector]"));
    var status = form.querySelector(".natoaz-filter__status");
    var entries = Array.prototype.slice.call(document.querySelectorAll(".natoaz-entry"));
    var years = Array.prototype.slice.call(document.querySelectorAll(".natoaz-year"));

    function choice() {
      var result = {};
      FIELDS.forEach(function (name) {
        result[name] = selects[name] ? selects[name].value : "";
      });
      return result;
    }

    function apply(updateAddress) {
      var current = choice();
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = matches(entry, current);
        entry.hidden = !visible;
        if (visible) shown += 1;
      });
      years.forEach(function (year) {
        year.hidden = !year.querySelector(".natoaz-entry:not([hidden])");
      });
      // Only years holding something that matches are offered (links and the year choice).
      var offered = {};
      yearLinks.forEach(function (a) {
        var holds = yearHolds(a, current, listed(selects.programme));
        offered[a.getAttribute("data-natoaz-year")] = holds;
        if (a.parentNode) a.parentNode.hidden = !holds && !a.hasAttribute("aria-current");
      });
      if (yearSelect) {
        for (var i = 1; i < yearSelect.options.length; i++) {
          var option = yearSelect.options[i];
          option.hidden = option.disabled = offered[option.value] === false && option.value !== yearSelect.value;
        }
      }
      // The chart follows the sector choice: bars of other (first) sectors fade.
      bars.forEach(function (bar) {
        bar.classList.toggle("natoaz-dim", !!current.sector && bar.getAttribute("data-sector") !== current.sector);
      });
      var filtered = FIELDS.some(function (name) { return current[name]; });
      if (status && !entries.length) {
        status.textContent = filtered ? statusText("elsewhere", {}) : "";
      } else if (status) {
        status.textContent = statusText(filtered ? "some" : "all", {shown: shown, total: entries.length});
      }
      carry(current);
      if (updateAddress && window.history && window.history.replaceState) {
        var params = new URLSearchParams(window.location.search);
        FIELDS.forEach(function (name) {
          if (current[name]) params.set(name, current[name]);
          else params.delete(name);
        });
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name);
      if (!selects[name] || !value) return;
      if (name === "programme" && !hasOption(selects[name], value) && /^[a-z0-9-]+$/.test(value)) {
        // a programme outside the list of the busiest (chosen from its page): offer it by its id
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        option.setAttribute("data-natoaz-added", "");
        selects[name].appendChild(option);
      }
      if (hasOption(selects[name], value)) selects[name].value = value;
    });
    var here = document.querySelector("a[data-natoaz-year][aria-current]");
    if (yearSelect) yearSelect.value = here ? here.getAttribute("data-natoaz-year") : "";
    form.addEventListener("change", function (event) {
      if (event.target !== yearSelect) { apply(true); return; }
      // Choosing a year opens its part (or the overview for "All years"), with the other choices kept.
      var target = yearSelect.value
        ? document.querySelector("a[data-natoaz-year='" + yearSelect.value + "']")
        : document.querySelector("a[data-natoaz-overview]");
      if (target && !target.hasAttribute("aria-current")) window.location.assign(target.href);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { // after the browser has reset the selects; the year stays this page's
        if (yearSelect) yearSelect.value = here ? here.getAttribute("data-natoaz-year") : "";
        apply(true);
      }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    skipLink(form);
    apply(false);
  }

  // The status line's words in the page's language: its data-natoaz-<name> attribute, `{shown}` and
  // `{total}` filled in (templates/timeline_filter.html.j2).
  function statusText(name, values) {
    var status = document.querySelector(".natoaz-filter__status");
    var text = (status && status.getAttribute("data-natoaz-" + name)) || "";
    return text.replace(/\{(shown|total)\}/g, function (_, key) { return String(values[key]); });
  }

  // A second skip link beside the theme's "Skip to content" (its words are the form's data-natoaz-skip): the
  // filter is the second Tab stop of the page, its first field the third.
  function skipLink(form) {
    var skip = document.querySelector("[data-md-component=skip]");
    var words = form.getAttribute("data-natoaz-skip");
    if (!skip || !words || !form.id) return;
    var link = document.createElement("a");
    link.className = "md-skip";
    link.href = "#" + form.id;
    link.textContent = words;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      form.focus();
    });
    skip.appendChild(link);
  }

  function start() {
    if (document.querySelector(".natoaz-years a[id]") && window.location.hash && forward()) return;
    if (window.location.hash && forwardInYear()) return;
    var forms = document.querySelectorAll("form[data-natoaz-filter]");
    for (var i = 0; i < forms.length; i++) init(forms[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// The theme's drawer and search toggles are checkboxes. Material marks them autocomplete="off" so
// that a browser restoring form state (back, forward, reload) does not reopen them; HTML allows that
// attribute only on text-like inputs, so the build drops it (scripts/natoaz/standards/theme.py) and
// this script does the same job: after a back/forward or reload, both toggles start closed. On any
// other load it does nothing (Material itself opens the search for a `?q=` address).
(function () {
  var entry = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
  if (!entry || (entry.type !== "back_forward" && entry.type !== "reload")) {
    return;
  }
  var names = new URLSearchParams(location.search).has("q") ? ["drawer"] : ["drawer", "search"];
  names.forEach(function (name) {
    var toggle = document.querySelector('input[data-md-toggle="' + name + '"]');
    if (toggle && toggle.checked) {
      toggle.click();  // a click, not `.checked = false`, so the theme hears the change
    }
  });
})();

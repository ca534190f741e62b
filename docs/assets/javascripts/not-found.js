/*
 * 404 page: fills the search box with the words of the address that was not found
 * (/events/1994-05-04-pfp-framework-document-signd/ → "pfp framework document signd"), so one press
 * of Search looks for them. The address only ever becomes the input's value. Self-written, no library.
 */
(function () {
  "use strict";

  var input = document.getElementById("natoaz-not-found-query");
  if (!input || input.value) return;
  var parts = window.location.pathname.split("/").filter(Boolean);
  var last = parts.length ? parts[parts.length - 1] : "";
  try {
    last = decodeURIComponent(last);
  } catch (error) {
    return;
  }
  last = last.replace(/\.(html?|md)$/i, "");
  if (last === "404") return;
  var words = last
    .replace(/^\d{4}(-\d{2}){0,2}-?/, "")  // record ids start with their date
    .split(/[-_.+\s]+/)
    .filter(function (word) { return /[a-z]/i.test(word); });
  if (words.length) input.value = words.join(" ").slice(0, 100);
})();

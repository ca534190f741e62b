/*
 * Cite block: fills in the reader's access date (the `[date]` placeholders) and shows a copy button
 * for each citation format. Self-written, no library, no inline script (Content Security Policy).
 */
(function () {
  "use strict";

  // English by default; the page's language from the block's data attributes (cite.html.j2)
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
  var WORDS = {copy: "Copy", copied: "Copied", failed: "Copy failed"};

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function formatted(day, format) {
    if (format === "iso") return day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate());
    return day.getDate() + " " + MONTHS[day.getMonth()] + " " + day.getFullYear();
  }

  function copy(text, button) {
    function done(word) {
      button.textContent = word;
      window.setTimeout(function () { button.textContent = WORDS.copy; }, 2000);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(WORDS.copied); }, function () { done(WORDS.failed); });
    } else {
      done(WORDS.failed);
    }
  }

  function init() {
    var block = document.querySelector(".natoaz-cite");
    if (block) {
      var months = (block.getAttribute("data-months") || "").split(",");
      if (months.length === 12) MONTHS = months;
      WORDS.copy = block.getAttribute("data-copy-label") || WORDS.copy;
      WORDS.copied = block.getAttribute("data-copied") || WORDS.copied;
      WORDS.failed = block.getAttribute("data-failed") || WORDS.failed;
    }
    var today = new Date();
    var slots = document.querySelectorAll(".natoaz-cite__accessed");
    for (var i = 0; i < slots.length; i++) {
      slots[i].textContent = formatted(today, slots[i].getAttribute("data-format"));
    }
    var buttons = document.querySelectorAll(".natoaz-cite__copy");
    for (var j = 0; j < buttons.length; j++) {
      (function (button) {
        var box = document.getElementById(button.getAttribute("data-copy"));
        if (!box) return;
        button.hidden = false;
        button.addEventListener("click", function () { copy(box.textContent, button); });
      })(buttons[j]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* Progressive enhancement only: every page reads fully without JavaScript. */
(function () {
  "use strict";

  function absolute(href) {
    return new URL(href, document.baseURI).href;
  }

  function flash(button, text) {
    var label = button.textContent;
    button.textContent = text;
    setTimeout(function () { button.textContent = label; }, 2000);
  }

  function copy(button) {
    navigator.clipboard.writeText(absolute(button.dataset.href)).then(function () {
      flash(button, "Đã sao chép");
    });
  }

  /* "Chia sẻ" opens the phone's share sheet (Zalo, Messenger…) through the Web Share API; where there is none
     (most desktop browsers) it copies the link like the button next to it. Nothing is sent to any other site. */
  function share(button) {
    if (!navigator.share) return copy(button);
    navigator.share({ title: button.dataset.title, url: absolute(button.dataset.href) }).catch(function (error) {
      if (error && error.name !== "AbortError" && navigator.clipboard) copy(button);  // closing the sheet is no error
    });
  }

  function setupCopyButtons(root) {
    root.querySelectorAll("button.kh-copy").forEach(function (button) {
      var sharing = button.classList.contains("kh-share");
      if (!navigator.clipboard && !(sharing && navigator.share)) return;
      button.hidden = false;
      button.addEventListener("click", function () { (sharing ? share : copy)(button); });
    });
  }

  function setupFilters(root) {
    var form = root.querySelector("form.kh-filter");
    var table = root.querySelector("table.kh-targets");
    if (!form || !table) return;
    form.hidden = false;
    var status = form.querySelector('[data-filter="status"]');
    var agency = form.querySelector('[data-filter="agency"]');
    var result = form.querySelector(".kh-filter__result");
    function apply() {
      var shown = 0;
      table.querySelectorAll("tbody").forEach(function (group) {
        var visibleInGroup = 0;
        group.querySelectorAll("tr[data-status]").forEach(function (row) {
          var ok = (!status.value || row.dataset.status === status.value) &&
            (!agency.value || row.dataset.agency.split(" ").indexOf(agency.value) !== -1);
          row.hidden = !ok;
          if (ok) visibleInGroup += 1;
        });
        group.hidden = visibleInGroup === 0;
        shown += visibleInGroup;
      });
      result.textContent = "Đang hiển thị " + shown + " chỉ tiêu.";
    }
    status.addEventListener("change", apply);
    agency.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function setup() {
    setupCopyButtons(document);
    setupFilters(document);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();

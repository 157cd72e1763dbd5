/* Progressive enhancement only: every page reads fully without JavaScript. */
(function () {
  "use strict";

  function absolute(href) {
    return new URL(href, document.baseURI).href;
  }

  function setupCopyButtons(root) {
    root.querySelectorAll("button.kh-copy").forEach(function (button) {
      if (!navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(absolute(button.dataset.href)).then(function () {
          button.textContent = "Đã sao chép";
          setTimeout(function () { button.textContent = "Sao chép liên kết"; }, 2000);
        });
      });
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

// opsbook: filter and sort the tables of generated index pages, offline, no dependencies.
// Runs on every page view, including Material's instant navigation (document$).
(function () {
  "use strict";

  function cellText(row, i) {
    var c = row.cells[i];
    return c ? (c.getAttribute("data-value") || c.textContent).trim() : "";
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && /^[-\d.]/.test(a) && /^[-\d.]/.test(b)) return x - y;
    return a.localeCompare(b);
  }

  function enhance(wrapper) {
    var table = wrapper.querySelector("table");
    if (!table || wrapper.dataset.opsbookReady) return;
    wrapper.dataset.opsbookReady = "1";
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead ? table.tHead.rows[0].cells : []);
    var rows = Array.prototype.slice.call(body.rows);
    var bar = document.createElement("div");
    bar.className = "opsbook-filter";
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "Filter rows…";
    search.setAttribute("aria-label", "Filter rows");
    bar.appendChild(search);
    var selects = [];
    (wrapper.dataset.filters || "").split(",").filter(Boolean).forEach(function (name) {
      var index = headers.findIndex(function (h) { return h.textContent.trim() === name.trim(); });
      if (index < 0) return;
      var values = {};
      rows.forEach(function (r) {
        cellText(r, index).split(/,\s*/).forEach(function (v) { if (v) values[v] = true; });
      });
      var select = document.createElement("select");
      select.setAttribute("aria-label", "Filter by " + name);
      select.innerHTML = "";
      var all = document.createElement("option");
      all.value = ""; all.textContent = name + ": all";
      select.appendChild(all);
      Object.keys(values).sort().forEach(function (v) {
        var o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o);
      });
      select.dataset.index = index;
      bar.appendChild(select);
      selects.push(select);
    });
    wrapper.insertBefore(bar, wrapper.firstChild);

    function apply() {
      var q = search.value.toLowerCase();
      rows.forEach(function (r) {
        var ok = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
        selects.forEach(function (s) {
          if (ok && s.value) ok = cellText(r, +s.dataset.index).split(/,\s*/).indexOf(s.value) >= 0;
        });
        r.style.display = ok ? "" : "none";
      });
    }
    search.addEventListener("input", apply);
    selects.forEach(function (s) { s.addEventListener("change", apply); });

    headers.forEach(function (h, i) {
      h.setAttribute("data-sort", "");
      h.addEventListener("click", function () {
        var dir = h.getAttribute("data-sort") === "asc" ? "desc" : "asc";
        headers.forEach(function (o) { o.setAttribute("data-sort", ""); });
        h.setAttribute("data-sort", dir);
        rows.sort(function (a, b) {
          var r = compare(cellText(a, i), cellText(b, i));
          return dir === "asc" ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function init() {
    document.querySelectorAll(".opsbook-table").forEach(enhance);
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState !== "loading") init();
  else document.addEventListener("DOMContentLoaded", init);
})();

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

// opsbook: checklists whose ticks persist in this browser (localStorage), per site, checklist and
// item, with a reset. Offline, no dependencies; re-runs on Material's instant navigation.
(function () {
  "use strict";
  var PREFIX = "opsbook.checklist:";

  function siteScope() {
    // Keys are scoped to the site root so two handbooks (e.g. /pr-123/ and /pr-124/) on one host
    // never share ticks.
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.base, location.href).pathname;
    } catch (e) {
      return "/";
    }
  }

  function storage() {
    try {
      var s = window.localStorage, probe = PREFIX + "probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null; // storage disabled: the boxes still tick, they just do not persist
    }
  }

  function setup(root, store, scope) {
    if (root.dataset.opsbookReady) return;
    root.dataset.opsbookReady = "1";
    var base = PREFIX + scope + ":" + root.dataset.checklist + ":";
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[type=checkbox][data-item]"));
    if (!boxes.length) return;

    var bar = document.createElement("div");
    bar.className = "opsbook-checklist__bar";
    var progress = document.createElement("span");
    progress.className = "opsbook-checklist__progress";
    progress.setAttribute("aria-live", "polite");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button opsbook-checklist__reset";
    reset.textContent = "Reset my ticks";
    bar.appendChild(progress);
    bar.appendChild(reset);
    root.insertBefore(bar, root.firstChild);

    function update() {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      progress.textContent = done + " of " + boxes.length + " ticked";
      root.classList.toggle("opsbook-checklist--done", done === boxes.length);
    }

    boxes.forEach(function (box) {
      var key = base + box.dataset.item;
      box.disabled = false;
      box.checked = !!store && store.getItem(key) === "1";
      box.closest("li, tr").classList.toggle("opsbook-checklist__item--ticked", box.checked);
      box.addEventListener("change", function () {
        if (store) {
          if (box.checked) store.setItem(key, "1");
          else store.removeItem(key);
        }
        box.closest("li, tr").classList.toggle("opsbook-checklist__item--ticked", box.checked);
        update();
      });
    });

    reset.addEventListener("click", function () {
      boxes.forEach(function (box) {
        box.checked = false;
        box.closest("li, tr").classList.remove("opsbook-checklist__item--ticked");
      });
      if (store) {
        // Also drop ticks of items that no longer exist in this checklist.
        for (var i = store.length - 1; i >= 0; i--) {
          var k = store.key(i);
          if (k && k.indexOf(base) === 0) store.removeItem(k);
        }
      }
      update();
    });
    update();
  }

  // Once per full page load: Material's instant navigation changes the location but keeps the
  // first page's relative `base`, so resolving it later would give another scope.
  var SCOPE = siteScope();

  function init() {
    var roots = document.querySelectorAll(".opsbook-checklist[data-checklist]");
    if (!roots.length) return;
    var store = storage();
    Array.prototype.forEach.call(roots, function (root) { setup(root, store, SCOPE); });
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState !== "loading") init();
  else document.addEventListener("DOMContentLoaded", init);
})();

// opsbook: live "now". Pages say who is on call and when the next ritual is at the build's as-of
// date; this updates them to the reader's clock from assets/opsbook-now.json (the schedule shipped
// with the site). Without JavaScript, or past the shipped schedule, the build-time value stays with
// its as-of date. Offline, no dependencies; re-runs on Material's instant navigation.
(function () {
  "use strict";
  var data = null;

  function root() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.base + "/", location.href).href;
    } catch (e) {
      return null;
    }
  }
  var ROOT = root(); // once per full load: instant navigation keeps the first page's relative base

  function load() {
    if (data === null && ROOT !== null && window.fetch) {
      data = fetch(ROOT + "assets/opsbook-now.json").then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return data;
  }

  function when(iso, withDay) {
    var opts = { hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
    if (withDay) { opts.weekday = "short"; opts.year = "numeric"; opts.month = "2-digit"; opts.day = "2-digit"; }
    return new Date(iso).toLocaleString(undefined, opts);
  }

  function current(rotation, now) {
    for (var i = 0; i < rotation.shifts.length; i++) {
      var s = rotation.shifts[i];
      if (Date.parse(s.start) <= now && now < Date.parse(s.end)) return s;
    }
    return null;
  }

  function person(el, shift) {
    var old = el.querySelector("a[href*='#person-']");
    var href = old ? old.getAttribute("href").split("#")[0] : ROOT + "team/";
    var a = document.createElement("a");
    a.href = href + "#person-" + shift.handle;
    a.textContent = shift.name;
    el.textContent = "";
    el.appendChild(a);
    el.appendChild(document.createTextNode(" (@" + shift.handle + ")"));
  }

  function apply(schedule) {
    var now = Date.now();
    var updated = false;
    document.querySelectorAll("[data-oncall-now]").forEach(function (el) {
      var rotation = schedule.rotations[el.getAttribute("data-oncall-now")];
      var shift = rotation && current(rotation, now);
      if (!shift) return; // past the shipped schedule: keep the build-time value and its as-of date
      var slug = el.getAttribute("data-oncall-now");
      person(el, shift);
      document.querySelectorAll("[data-oncall-until='" + slug + "']").forEach(function (u) {
        u.textContent = when(shift.end, true);
      });
      document.querySelectorAll("[data-oncall-since='" + slug + "']").forEach(function (u) {
        u.textContent = when(shift.start, true);
      });
      el.setAttribute("data-opsbook-live", "");
      updated = true;
    });
    document.querySelectorAll("[data-ritual-next]").forEach(function (el) {
      var ritual = schedule.rituals[el.getAttribute("data-ritual-next")];
      var next = ritual && ritual.next.filter(function (t) { return Date.parse(t) >= now; })[0];
      if (!next) return;
      el.textContent = when(next, true);
      el.setAttribute("data-opsbook-live", "");
      updated = true;
    });
    if (updated) {
      document.querySelectorAll(".opsbook-now-asof").forEach(function (n) {
        n.textContent = "(now, your clock; built " + schedule.as_of.slice(0, 10) + ")";
      });
    }
  }

  function init() {
    if (!document.querySelector("[data-oncall-now], [data-ritual-next]")) return;
    var p = load();
    if (p) p.then(apply).catch(function () { /* offline file view: keep the build-time values */ });
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState !== "loading") init();
  else document.addEventListener("DOMContentLoaded", init);
})();

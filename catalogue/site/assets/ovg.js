/* Overgangskatalog: concept search and table sorting. Same-origin only; no data leaves the page. */
(function () {
  "use strict";
  var FOLD = { "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l" };

  function fold(text) {
    var lowered = String(text).toLowerCase().replace(/[øæœßđł]/g, function (ch) { return FOLD[ch]; });
    return lowered.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function rank(entry, query) {
    var best = -1;
    entry.f.forEach(function (label) {
      var r = -1;
      if (label === query) { r = 3; }
      else if (label.indexOf(query) === 0) { r = 2; }
      else if (label.split(/[^a-z0-9]+/).some(function (w) { return w.indexOf(query) === 0; })) { r = 1; }
      if (r > best) { best = r; }
    });
    return best;
  }

  function setUpSearch(form) {
    var input = form.querySelector(".ovg-q");
    var list = form.querySelector(".ovg-results");
    var root = form.getAttribute("data-root") || "./";
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) { window.location.href = first.getAttribute("href"); }
    });
    input.addEventListener("input", function () {
      var query = fold(input.value);
      while (list.firstChild) { list.removeChild(list.firstChild); }
      if (!query || !window.OVG_CONCEPTS) { return; }
      var hits = window.OVG_CONCEPTS.map(function (entry) { return [rank(entry, query), entry]; })
        .filter(function (pair) { return pair[0] >= 0; })
        .sort(function (a, b) { return (b[0] - a[0]) || (a[1].d - b[1].d) || a[1].n.localeCompare(b[1].n); })
        .slice(0, 20);
      if (!hits.length) {
        var none = document.createElement("li");
        none.textContent = list.getAttribute("data-empty");
        list.appendChild(none);
        return;
      }
      hits.forEach(function (pair) {
        var entry = pair[1];
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + entry.u;
        link.textContent = entry.n + (entry.s ? " — " + entry.s : "");
        link.setAttribute("lang", entry.j === "no" ? "nb" : "da");
        if (entry.d) { link.className = "ovg-deprecated-hit"; }
        var tag = document.createElement("span");
        tag.className = "ovg-jur";
        tag.textContent = entry.j.toUpperCase();
        item.appendChild(tag);
        item.appendChild(link);
        list.appendChild(item);
      });
    });
  }

  function loadIndex(form, done) {
    if (window.OVG_CONCEPTS) { done(); return; }
    var script = document.createElement("script");
    script.src = form.getAttribute("data-index");
    script.onload = done;
    document.head.appendChild(script);
  }

  function setUpTables() {
    document.querySelectorAll("input.ovg-filter").forEach(function (input) {
      var table = document.getElementById(input.getAttribute("data-table"));
      input.addEventListener("input", function () {
        var query = fold(input.value);
        table.querySelectorAll("tbody tr").forEach(function (row) {
          row.hidden = query !== "" && fold(row.textContent).indexOf(query) < 0;
        });
      });
    });
    document.querySelectorAll("table.ovg-sortable").forEach(function (table) {
      table.querySelectorAll("thead th button").forEach(function (button, column) {
        button.addEventListener("click", function () {
          var body = table.tBodies[0];
          var ascending = button.getAttribute("data-dir") !== "asc";
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute("data-sort") || a.cells[column].textContent;
            var y = b.cells[column].getAttribute("data-sort") || b.cells[column].textContent;
            return (ascending ? 1 : -1) * fold(x).localeCompare(fold(y));
          });
          rows.forEach(function (row) { body.appendChild(row); });
          table.querySelectorAll("thead th button").forEach(function (b) { b.removeAttribute("data-dir"); });
          button.setAttribute("data-dir", ascending ? "asc" : "desc");
          button.parentNode.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        });
      });
    });
  }

  function start() {
    document.querySelectorAll("form.ovg-search").forEach(function (form) {
      loadIndex(form, function () { setUpSearch(form); });
    });
    setUpTables();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

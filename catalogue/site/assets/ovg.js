/* Overgangskatalog: concept search, table filters and sorting, and the sharing guide.
   Same-origin only, no data leaves the page, and it works from disk.
   The search applies the rule of catalogue/search/matching.py (the data of the rule, OVG_MATCH, is written
   with the index by the build), so the site and `overgang lookup` find and rank alike. */
(function () {
  "use strict";

  // ------------------------------------------------------------------ the shared matching rule
  var RULE = { fold: {}, edits: [[4, 1], [8, 2]], suggestShare: 0.4 };
  var EXACT = 0, PREFIX = 1, WORD_PREFIX = 2, FUZZY = 3, FUZZY_PREFIX = 4;

  function fold(text) {
    var lowered = String(text).toLowerCase();
    var out = "";
    for (var i = 0; i < lowered.length; i++) {
      var ch = lowered[i];
      out += Object.prototype.hasOwnProperty.call(RULE.fold, ch) ? RULE.fold[ch] : ch;
    }
    return out.normalize("NFKD").replace(/\p{Mn}/gu, "").trim();
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }

  function key(text) { return words(text).join(""); }

  function wordStarts(text) {
    var parts = words(text);
    return parts.map(function (_, i) { return parts.slice(i).join(""); });
  }

  function editsAllowed(query) {
    var allowed = 0;
    RULE.edits.forEach(function (pair) { if (query.length >= pair[0]) { allowed = pair[1]; } });
    return allowed;
  }

  // [edits to the whole target, edits to its best prefix], optimal string alignment, banded; limit+1 = too far.
  function distances(query, target, limit) {
    var over = limit + 1, m = query.length, n = target.length, i, j;
    if (m - n > limit) { return [over, over]; }
    var previous2 = null, previous = [];
    for (j = 0; j <= n; j++) { previous.push(j <= limit ? j : over); }
    for (i = 1; i <= m; i++) {
      var row = [];
      for (j = 0; j <= n; j++) { row.push(over); }
      row[0] = i <= limit ? i : over;
      var low = Math.max(1, i - limit), high = Math.min(n, i + limit), best = row[0];
      for (j = low; j <= high; j++) {
        var cost = query[i - 1] === target[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 !== null && i > 1 && j > 1 && query[i - 1] === target[j - 2] && query[i - 2] === target[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        row[j] = Math.min(value, over);
        best = Math.min(best, row[j]);
      }
      if (best > limit) { return [over, over]; }
      previous2 = previous;
      previous = row;
    }
    return [previous[n], Math.min.apply(null, previous)];
  }

  function match(query, labelKey, starts) {
    if (!query || !labelKey) { return null; }
    if (labelKey === query) { return [EXACT, 0]; }
    if (labelKey.indexOf(query) === 0) { return [PREFIX, 0]; }
    for (var s = 1; s < starts.length; s++) { if (starts[s].indexOf(query) === 0) { return [WORD_PREFIX, 0]; } }
    var limit = editsAllowed(query);
    if (!limit) { return null; }
    var d = distances(query, labelKey, limit);
    if (d[0] <= limit) { return [FUZZY, d[0]]; }
    var best = d[1];
    for (s = 1; s < starts.length; s++) { best = Math.min(best, distances(query, starts[s], limit)[1]); }
    return best <= limit ? [FUZZY_PREFIX, best] : null;
  }

  function compare(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] < b[i]) { return -1; }
      if (a[i] > b[i]) { return 1; }
    }
    return 0;
  }

  function prepared(entry) {
    if (!entry._labels) {
      entry._labels = entry.f.map(function (pair) {
        return { text: pair[0], pref: pair[1] === 1, key: key(pair[0]), starts: wordStarts(pair[0]) };
      }).filter(function (label) { return label.key; });
    }
    return entry._labels;
  }

  // Best first: rank, edits, preferred label, label length, then current before deprecated, country, IRI.
  function search(entries, term) {
    var query = key(term), ranked = [];
    if (!query) { return ranked; }
    entries.forEach(function (entry) {
      var best = null;
      prepared(entry).forEach(function (label) {
        var found = match(query, label.key, label.starts);
        if (!found) { return; }
        var order = [found[0], found[1], label.pref ? 0 : 1, label.key.length];
        if (best === null || compare(order, best) < 0) { best = order; }
      });
      if (best !== null) { ranked.push({ order: best.concat([entry.d ? 1 : 0, entry.j, entry.i]), entry: entry }); }
    });
    ranked.sort(function (a, b) { return compare(a.order, b.order); });
    return ranked;
  }

  function suggestions(entries, term, count) {
    var query = key(term), near = [];
    if (!query) { return near; }
    var limit = Math.max(1, Math.floor(query.length * RULE.suggestShare));
    entries.forEach(function (entry) {
      var best = null;
      prepared(entry).forEach(function (label) {
        var d = distances(query, label.key, limit)[0];
        if (d > limit) { return; }
        var order = [d, label.pref ? 0 : 1];
        if (best === null || compare(order, best.order) < 0) { best = { order: order, text: label.text }; }
      });
      if (best) { near.push({ order: best.order.concat([entry.d ? 1 : 0, entry.j, entry.i]), text: best.text, entry: entry }); }
    });
    near.sort(function (a, b) { return compare(a.order, b.order); });
    return near.slice(0, count || 3);
  }

  // For the browser tests: the same answer `overgang lookup --format json` gives, as IRIs.
  window.OVG_SEARCH = function (term, limit) {
    var hits = search(window.OVG_CONCEPTS || [], term);
    var result = { results: hits.slice(0, limit || 10).map(function (h) { return h.entry.i; }), total: hits.length,
                   did_you_mean: [] };
    if (!hits.length || hits[0].order[0] >= FUZZY) {
      result.did_you_mean = suggestions(window.OVG_CONCEPTS || [], term).map(function (s) { return s.entry.i; });
    }
    return result;
  };

  // ------------------------------------------------------------------ the search box
  function resultItem(root, entry) {
    var item = document.createElement("li");
    var tag = document.createElement("span");
    tag.className = "ovg-jur";
    tag.textContent = entry.c;
    var link = document.createElement("a");
    link.href = root + entry.u;
    link.textContent = entry.n;
    link.setAttribute("lang", entry.l);
    if (entry.d) { link.className = "ovg-deprecated-hit"; }
    item.appendChild(tag);
    item.appendChild(link);
    if (entry.s) {
      var gloss = document.createElement("span");
      gloss.className = "ovg-gloss";
      gloss.textContent = " — " + entry.s;
      item.appendChild(gloss);
    }
    if (entry.x) {
      var definition = document.createElement("span");
      definition.className = "ovg-hit-definition";
      definition.textContent = entry.x;
      item.appendChild(definition);
    }
    return item;
  }

  function note(text, className) {
    var item = document.createElement("li");
    item.className = className;
    item.textContent = text;
    return item;
  }

  function setUpSearch(form) {
    var input = form.querySelector(".ovg-q");
    var list = form.querySelector(".ovg-results");
    var root = form.getAttribute("data-root") || "./";
    if (window.OVG_MATCH) { RULE = window.OVG_MATCH; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) { window.location.href = first.getAttribute("href"); }
    });
    input.addEventListener("input", function () {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      var entries = window.OVG_CONCEPTS || [];
      var hits = search(entries, input.value);
      if (!key(input.value)) { return; }
      if (!hits.length || hits[0].order[0] >= FUZZY) {
        var near = suggestions(entries, input.value, 3);
        if (near.length) {
          var item = document.createElement("li");
          item.className = "ovg-did-you-mean";
          item.appendChild(document.createTextNode(form.getAttribute("data-did-you-mean") + ": "));
          near.forEach(function (s, index) {
            var link = document.createElement("a");
            link.href = root + s.entry.u;
            link.textContent = s.text;
            link.setAttribute("lang", s.entry.l);
            if (index) { item.appendChild(document.createTextNode(", ")); }
            item.appendChild(link);
          });
          item.appendChild(document.createTextNode("?"));
          list.appendChild(item);
        }
        if (hits.length) { list.appendChild(note(form.getAttribute("data-typo-note"), "ovg-typo-note")); }
      }
      if (!hits.length && !list.firstChild) { list.appendChild(note(list.getAttribute("data-empty"), "ovg-none")); }
      hits.slice(0, 10).forEach(function (hit) { list.appendChild(resultItem(root, hit.entry)); });
    });
  }

  function loadIndex(form, done) {
    if (window.OVG_CONCEPTS) { done(); return; }
    var script = document.createElement("script");
    script.src = form.getAttribute("data-index");
    script.onload = done;
    document.head.appendChild(script);
  }

  // ------------------------------------------------------------------ tables: filters and sorting
  function setUpTables() {
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { sensitivity: "base", numeric: true });
    var tables = {};
    document.querySelectorAll("[data-table]").forEach(function (control) {
      var id = control.getAttribute("data-table");
      (tables[id] = tables[id] || []).push(control);
    });
    Object.keys(tables).forEach(function (id) {
      var table = document.getElementById(id);
      if (!table) { return; }
      var controls = tables[id];
      function apply() {
        var shown = 0, rows = table.querySelectorAll("tbody tr");
        rows.forEach(function (row) {
          var visible = controls.every(function (control) {
            if (control.classList.contains("ovg-filter")) {
              var query = key(control.value);
              return !query || key(row.textContent).indexOf(query) >= 0;
            }
            if (control.classList.contains("ovg-filter-select")) {
              return !control.value || row.getAttribute(control.getAttribute("data-attribute")) === control.value;
            }
            return true;
          });
          row.hidden = !visible;
          if (visible) { shown += 1; }
        });
        controls.forEach(function (control) {
          if (control.classList.contains("ovg-count")) {
            control.textContent = control.getAttribute("data-template").replace("{shown}", shown).replace("{total}", rows.length);
          }
        });
      }
      controls.forEach(function (control) {
        control.addEventListener(control.tagName === "SELECT" ? "change" : "input", apply);
      });
      apply();
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
            return (ascending ? 1 : -1) * collator.compare(x.trim(), y.trim());
          });
          rows.forEach(function (row) { body.appendChild(row); });
          table.querySelectorAll("thead th").forEach(function (th) { th.removeAttribute("aria-sort"); });
          table.querySelectorAll("thead th button").forEach(function (b) { b.removeAttribute("data-dir"); });
          button.setAttribute("data-dir", ascending ? "asc" : "desc");
          button.parentNode.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        });
      });
    });
  }

  // ------------------------------------------------------------------ the sharing guide
  function setUpGuide(form) {
    var transition = form.querySelector("#ovg-guide-transition");
    var category = form.querySelector("#ovg-guide-category");
    var age = form.querySelector("#ovg-guide-age");
    var answers = document.querySelectorAll(".ovg-share-answer");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    function show() {
      var given = age.value.trim() === "" ? null : parseInt(age.value, 10);
      if (given !== null && (isNaN(given) || given < 0)) { given = null; }
      answers.forEach(function (section) {
        var fits = section.getAttribute("data-transition") === transition.value &&
          section.getAttribute("data-category") === category.value;
        if (fits) {
          var from = section.getAttribute("data-from"), below = section.getAttribute("data-below");
          var any = section.hasAttribute("data-any");
          if (given === null) {
            fits = any || (from === "" && below === "");
          } else {
            fits = !any && (from === "" || given >= parseInt(from, 10)) && (below === "" || given < parseInt(below, 10));
          }
        }
        section.hidden = !fits;
      });
    }
    [transition, category].forEach(function (control) { control.addEventListener("change", show); });
    age.addEventListener("input", show);
    show();
  }

  function start() {
    document.querySelectorAll("form.ovg-search").forEach(function (form) {
      loadIndex(form, function () { setUpSearch(form); });
    });
    setUpTables();
    document.querySelectorAll("form.ovg-guide").forEach(setUpGuide);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

// lintcare HTML report: filters, counts and the details panel. Plain JavaScript, no build step.
// Everything shown is copied with textContent: the report never parses text as HTML.
(function () {
  "use strict";
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  // One entry per finding, from its row in the page's findings table.
  var findings = $$("tr.row").map(function (row) {
    var page = row.closest("section.page");
    return {
      fid: row.dataset.fid, row: row, page: page, file: page.id, path: page.dataset.file,
      severity: row.dataset.severity, category: row.dataset.category, rule: row.dataset.rule,
      hay: row.textContent.toLowerCase(), els: [], shown: true
    };
  });
  var byFid = {};
  findings.forEach(function (f) { byFid[f.fid] = f; });
  $$("[data-fid]").forEach(function (el) { var f = byFid[el.dataset.fid]; if (f) { f.els.push(el); } });
  findings.forEach(function (f) {
    f.target = f.els.filter(function (el) { return el.matches("mark[tabindex], button.m-doc"); })[0] || $(".goto", f.row);
  });
  var rules = {};
  $$("#rules .rule").forEach(function (el) { rules[el.dataset.rule] = el; });

  var form = $("#filters"), query = $("#q"), ruleSelect = $("#rule"), fileSelect = $("#file");
  function checked(name) {
    return $$("input[name=" + name + "]:checked", form).map(function (i) { return i.value; });
  }
  function state() {
    return { severity: checked("severity"), category: checked("category"), rule: ruleSelect.value,
             file: fileSelect.value, q: query.value.trim().toLowerCase() };
  }
  // Does a finding pass every filter but ``except``? (Each filter's counts ignore that filter.)
  function passes(f, s, except) {
    return (except === "severity" || s.severity.indexOf(f.severity) >= 0) &&
      (except === "category" || s.category.indexOf(f.category) >= 0) &&
      (except === "rule" || !s.rule || f.rule === s.rule) &&
      (except === "file" || !s.file || f.file === s.file) &&
      (!s.q || f.hay.indexOf(s.q) >= 0);
  }
  function tally(s, facet) {
    var counts = {};
    findings.forEach(function (f) { if (passes(f, s, facet)) { counts[f[facet]] = (counts[f[facet]] || 0) + 1; } });
    return counts;
  }
  function showCounts(s) {
    ["severity", "category"].forEach(function (facet) {
      var counts = tally(s, facet);
      $$("[data-count-" + facet + "]").forEach(function (el) {
        el.textContent = String(counts[el.getAttribute("data-count-" + facet)] || 0);
      });
    });
    [[ruleSelect, "rule", function (o) { return o.value; }],
     [fileSelect, "file", function (o) { return o.value; }]].forEach(function (spec) {
      var counts = tally(s, spec[1]);
      $$("option", spec[0]).forEach(function (o) {
        if (!o.dataset.name) { o.dataset.name = o.textContent; }
        if (o.value) { o.textContent = o.dataset.name + " (" + (counts[spec[2](o)] || 0) + ")"; }
      });
    });
  }
  function setShown(f, on) {
    if (f.shown === on) { return; }  // untouched elements keep the page's layout
    f.shown = on;
    f.els.forEach(function (el) {
      if (el.tagName === "MARK") {
        el.classList.toggle("off", !on);
        if (el.hasAttribute("tabindex")) { el.tabIndex = on ? 0 : -1; }
        if (el.hasAttribute("role")) { el.setAttribute("aria-hidden", on ? "false" : "true"); }
      } else if (el.tagName === "TR" || el.tagName === "LI") {
        el.hidden = !on;
      }
    });
  }
  function apply() {
    var s = state(), total = 0;
    var perPage = {};
    findings.forEach(function (f) {
      var on = passes(f, s, null);
      setShown(f, on);
      if (on) { total += 1; perPage[f.file] = (perPage[f.file] || 0) + 1; }
    });
    $$("section.page").forEach(function (page) {
      page.hidden = Boolean(s.file) && page.id !== s.file;
      var n = $("[data-page-count]", page);
      if (n) { n.textContent = String(perPage[page.id] || 0); }
    });
    showCounts(s);
    $("#status").textContent = "Showing " + total + " of " + findings.length + " finding" +
      (findings.length === 1 ? "" : "s");
    if (current && !current.shown) { hide(false); }
  }

  // The details panel.
  var panel = $("#detail"), current = null;
  function text(id, value) { $(id).textContent = value; }
  function show(f) {
    if (current) { current.els.forEach(function (el) { el.classList.remove("current"); }); }
    current = f;
    f.els.forEach(function (el) { el.classList.add("current"); });
    var sev = $("#d-sev");
    sev.className = "badge s-" + f.severity;
    sev.textContent = f.severity;
    text("#d-cat", f.category);
    var where = $(".goto", f.row).textContent;
    text("#d-where", f.path + (where === "page" ? " (whole page)" : ":" + where));
    text("#d-msg", $(".msg", f.row).textContent);
    var flag = $(".flag", f.row);
    $("#d-flag-wrap").hidden = !flag;
    text("#d-flag", flag ? flag.textContent : "");
    var list = $("#d-sugg");
    list.textContent = "";
    $$(".sugg", f.row).forEach(function (q) {
      var li = document.createElement("li");
      li.textContent = q.textContent;
      list.appendChild(li);
    });
    $("#d-sugg-wrap").hidden = !list.children.length;
    text("#d-rule", f.rule);
    var rule = rules[f.rule];
    var expl = rule && $(".expl", rule), src = rule && $(".src-text", rule);
    text("#d-expl", expl ? expl.textContent : "");
    text("#d-src", src ? "Source: " + src.textContent : "");
    panel.hidden = false;
  }
  function hide(refocus) {
    if (!current) { return; }
    var was = current;
    current.els.forEach(function (el) { el.classList.remove("current"); });
    current = null;
    panel.hidden = true;
    if (refocus && was.target) { was.target.focus(); }
  }
  function step(by) {
    var shown = findings.filter(function (f) { return f.shown; });
    if (!shown.length) { return; }
    var at = current ? shown.indexOf(current) : -1;
    var next = shown[(at + by + shown.length) % shown.length];
    next.target.scrollIntoView({ block: "center" });
    next.target.focus();
    show(next);
  }
  function findingOf(el) {
    var host = el && el.closest && el.closest("mark[data-fid], button.m-doc, tr.row");
    return host ? byFid[host.dataset.fid] : null;
  }

  document.addEventListener("focusin", function (e) {
    var f = findingOf(e.target);
    if (f && !e.target.classList.contains("goto")) { show(f); }
  });
  document.addEventListener("click", function (e) {
    var f = findingOf(e.target);
    if (!f) { return; }
    if (e.target.closest("button.goto") && f.target !== e.target.closest("button.goto")) {  // jump to the mark
      f.target.scrollIntoView({ block: "center" });
      f.target.focus();
    }
    show(f);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(true); return; }
    var f = findingOf(e.target);
    if (f && (e.key === "Enter" || e.key === " ") && e.target.tagName === "MARK") {
      e.preventDefault();
      show(f);
    }
  });
  $("#d-close").addEventListener("click", function () { hide(true); });
  $("#d-prev").addEventListener("click", function () { step(-1); });
  $("#d-next").addEventListener("click", function () { step(1); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  apply();
  document.documentElement.classList.add("ready");
})();

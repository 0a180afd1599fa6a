"""The stylesheet and script inlined into the `html` export (written here: no CDN, no network)."""

from __future__ import annotations

STYLE = """
:root {
  --ink: #1d2430; --muted: #5b6575; --paper: #ffffff; --rule: #d8dde5; --panel: #f4f6f9;
  --past: #3d6fb6; --ongoing: #2e8b57; --upcoming: #c7761a; --unknown: #8a8f98; --focus: #ffbf47;
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e9ef; --muted: #a3acba; --paper: #14181f; --rule: #323a47; --panel: #1c222c; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--paper); }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.sources { color: var(--muted); margin: 0 0 1rem; overflow-wrap: anywhere; }
a { color: inherit; }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; padding: .6rem .8rem;
  background: var(--panel); border: 1px solid var(--rule); border-radius: .4rem; margin-bottom: 1rem; }
#filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .75rem; flex-wrap: wrap; }
#filters legend { float: left; margin-right: .5rem; font-weight: 600; }
#filters select { max-width: 20rem; font: inherit; }
#shown { color: var(--muted); margin-left: auto; }
.axis { position: relative; border: 1px solid var(--rule); border-radius: .4rem; background: var(--panel);
  margin-bottom: 1.5rem; overflow: hidden; }
.ticks { position: relative; height: 1.75rem; border-bottom: 1px solid var(--rule); }
.tick { position: absolute; top: 0; bottom: 0; border-left: 1px solid var(--rule); padding-left: .25rem;
  font-size: .75rem; color: var(--muted); white-space: nowrap; }
.lanes { position: relative; margin: .5rem 0; }
.marker { position: absolute; height: 1.5rem; display: flex; align-items: center; text-decoration: none;
  font-size: .75rem; color: #fff; border-radius: .75rem; overflow: hidden; white-space: nowrap; }
/* Square-ish bars for spans, round dots for days: a short week must not pass for a day. */
.marker.range { padding: 0 .4rem; min-width: 1.5rem; opacity: .85; border-radius: .2rem; }
.marker.point { width: 1.5rem; margin-left: -.75rem; justify-content: center; }
.marker:hover, .marker:focus { opacity: 1; outline: 3px solid var(--focus); z-index: 2; }
.marker .label { overflow: hidden; text-overflow: ellipsis; }
.status-past { --status: var(--past); } .status-ongoing { --status: var(--ongoing); }
.status-upcoming { --status: var(--upcoming); } .status-unknown { --status: var(--unknown); }
.marker, .badge.status { background: var(--status); }
.marker.negated {
  background: repeating-linear-gradient(135deg, var(--status) 0 6px, var(--unknown) 6px 12px); }
ol.events { list-style: none; margin: 0; padding: 0; }
li.event { border-left: 4px solid var(--status); background: var(--panel); margin: 0 0 .5rem;
  border-radius: 0 .4rem .4rem 0; }
li.event:target, li.event.selected { outline: 3px solid var(--focus); }
summary { cursor: pointer; padding: .5rem .75rem; display: flex; flex-wrap: wrap; gap: .25rem .6rem;
  align-items: baseline; }
summary .num { font-variant-numeric: tabular-nums; color: var(--muted); min-width: 1.5rem; }
summary .when { color: var(--muted); font-size: .9rem; }
summary .headline { font-weight: 600; overflow-wrap: anywhere; flex: 1 1 20rem; }
.badge { font-size: .75rem; padding: 0 .45rem; border-radius: .6rem; color: #fff; white-space: nowrap; }
.badge.negated { background: var(--unknown); }
.body { padding: 0 .75rem .75rem 2.85rem; }
blockquote { margin: 0 0 .5rem; padding-left: .75rem; border-left: 3px solid var(--rule);
  overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: 0; font-size: .9rem; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
[hidden] { display: none !important; }
@media print { #filters, .axis { display: none; } details > :not(summary) { display: block; } }
""".strip()

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var filterable = Array.prototype.slice.call(document.querySelectorAll(".filterable"));
  var total = document.querySelectorAll("li.event").length;

  function update() {
    var statuses = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=status]"), function (box) {
      statuses[box.value] = box.checked;
    });
    var who = form.elements.participant.value;
    var count = 0;
    filterable.forEach(function (el) {
      var people = JSON.parse(el.getAttribute("data-participants"));
      var visible = statuses[el.getAttribute("data-status")] === true &&
        (who === "" || people.indexOf(who) !== -1);
      el.hidden = !visible;
      if (visible && el.tagName === "LI") { count += 1; }
    });
    shown.textContent = count + " of " + total + " events shown";
  }

  function select(id) {
    Array.prototype.forEach.call(document.querySelectorAll("li.event.selected"), function (el) {
      el.classList.remove("selected");
    });
    var card = id ? document.getElementById(id) : null;
    if (!card || card.tagName !== "LI") { return; }
    card.classList.add("selected");
    card.querySelector("details").open = true;
  }

  window.addEventListener("hashchange", function () { select(location.hash.slice(1)); });
  form.addEventListener("change", update);
  form.hidden = false;
  update();
  select(location.hash.slice(1));
}());
""".strip()

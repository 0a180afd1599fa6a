// The html export's script: filters, the event panel and the time axis (drawn from the cards' data-*
// attributes). It only ever sets textContent, so article text never becomes markup.
(function () {
  "use strict";
  var EPOCH = 719163; // the day ordinal of 1970-01-01 (Python's date.toordinal)
  var DAY_MS = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var axis = document.getElementById("axis");
  var cards = Array.prototype.slice.call(document.querySelectorAll("li.event"));

  function calendar(ordinal) {
    var d = new Date((Math.floor(ordinal) - EPOCH) * DAY_MS);
    return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate() };
  }
  function ordinalOf(y, m, day) {
    var d = new Date(0);
    d.setUTCFullYear(y, m, day);
    return Math.round(d.getTime() / DAY_MS) + EPOCH;
  }
  function dayLabel(ordinal) {
    var c = calendar(ordinal);
    return c.d + " " + MONTHS[c.m] + " " + c.y;
  }

  // ---- filters ----
  function matches(card, q, statuses, who, where) {
    if (statuses[card.getAttribute("data-status")] !== true) { return false; }
    if (who !== "" && JSON.parse(card.getAttribute("data-participants")).indexOf(who) === -1) { return false; }
    if (where !== "" && card.getAttribute("data-sources").split(" ").indexOf(where) === -1) { return false; }
    return q === "" || card.textContent.toLowerCase().indexOf(q) !== -1;
  }
  function update() {
    var statuses = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=status]"), function (box) {
      statuses[box.value] = box.checked;
    });
    var q = form.elements.q.value.trim().toLowerCase();
    var who = form.elements.participant.value;
    var where = form.elements.source ? form.elements.source.value : "";
    var count = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card, q, statuses, who, where);
      if (!card.hidden) { count += 1; }
    });
    shown.textContent = count + " of " + cards.length + " events shown";
    if (timeline) { timeline.render(); }
  }

  // ---- selection: the event's card opens; on the axis, a panel shows it ----
  var detail = document.getElementById("detail");
  function clearSelected() {
    Array.prototype.forEach.call(document.querySelectorAll(".selected"), function (el) {
      el.classList.remove("selected");
    });
  }
  function openCard(id) {
    clearSelected();
    var card = id ? document.getElementById(id) : null;
    if (!card || card.tagName !== "LI") { return null; }
    card.classList.add("selected");
    card.querySelector("details").open = true;
    return card;
  }
  function showEvent(id, focus) {
    var card = openCard(id);
    if (!card || !detail) { return; }
    var heading = detail.querySelector("h3");
    heading.textContent = card.querySelector(".num").textContent + ". " +
      card.querySelector(".headline").textContent;
    var body = detail.querySelector(".detail-body");
    body.textContent = "";
    var when = document.createElement("p");
    when.className = "when";
    when.textContent = card.querySelector(".when").textContent + " \u00b7 " + card.getAttribute("data-status");
    body.appendChild(when);
    Array.prototype.forEach.call(card.querySelector(".body").childNodes, function (node) {
      body.appendChild(node.cloneNode(true));
    });
    var link = document.createElement("a");
    link.href = "#" + id;
    link.textContent = "Show in the event list";
    var p = document.createElement("p");
    p.appendChild(link);
    body.appendChild(p);
    detail.className = "detail status-" + card.getAttribute("data-status");
    detail.hidden = false;
    if (timeline) { timeline.mark(id); }
    if (focus) { heading.focus(); }
  }
  function showList(members, label) {
    var heading = detail.querySelector("h3");
    heading.textContent = members.length + " events, " + label;
    var body = detail.querySelector(".detail-body");
    body.textContent = "";
    var list = document.createElement("ul");
    members.forEach(function (item) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("data-show", item.id);
      button.textContent = item.card.querySelector(".num").textContent + ". " + item.title + " (" + item.when + ")";
      li.appendChild(button);
      list.appendChild(li);
    });
    body.appendChild(list);
    detail.className = "detail";
    detail.hidden = false;
    heading.focus();
  }

  // ---- the time axis ----
  function Axis(section) {
    var viewport = section.querySelector(".viewport");
    var ticksEl = section.querySelector(".ticks");
    var lanesEl = section.querySelector(".lanes");
    var rangeEl = document.getElementById("range");
    var items = cards.filter(function (card) { return card.hasAttribute("data-from"); }).map(function (card) {
      return {
        id: card.id, card: card,
        from: Number(card.getAttribute("data-from")), to: Number(card.getAttribute("data-to")),
        point: card.getAttribute("data-kind") === "point",
        status: card.getAttribute("data-status"),
        negated: card.classList.contains("negated"),
        title: card.querySelector(".headline").textContent,
        when: card.querySelector(".when").textContent
      };
    });
    var first = Math.min.apply(null, items.map(function (i) { return i.from; }));
    var last = Math.max.apply(null, items.map(function (i) { return i.to; }));
    var margin = Math.max(1, (last - first) / 40);
    var lo = first - margin, hi = last + margin;
    var MIN_SPAN = 2;
    var view = { a: lo, b: hi };
    var selectedId = null;
    var self = this;

    function rem() { return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16; }
    function clampView(a, b) {
      var span = Math.min(Math.max(b - a, MIN_SPAN), hi - lo);
      if (a < lo) { a = lo; }
      if (a + span > hi) { a = hi - span; }
      view.a = a;
      view.b = a + span;
    }
    this.zoom = function (factor, at) {
      var centre = view.a + (view.b - view.a) * (at === undefined ? 0.5 : at);
      var span = (view.b - view.a) * factor;
      span = Math.min(Math.max(span, MIN_SPAN), hi - lo);
      var fraction = (centre - view.a) / (view.b - view.a);
      clampView(centre - span * fraction, centre - span * fraction + span);
      self.render();
    };
    this.pan = function (fraction) {
      var span = view.b - view.a;
      clampView(view.a + span * fraction, view.b + span * fraction);
      self.render();
    };
    this.window = function () { return [view.a, view.b]; }; // the shown days, for tests
    this.fit = function () { view.a = lo; view.b = hi; self.render(); };
    this.show = function (a, b) { clampView(a, b); self.render(); };
    this.mark = function (id) {
      selectedId = id;
      Array.prototype.forEach.call(lanesEl.querySelectorAll(".marker"), function (el) {
        el.classList.toggle("selected", el.getAttribute("data-show") === id);
      });
    };

    function ticks(width) {
      var span = view.b - view.a, perDay = width / span, minDays = 92 / perDay, out = [], c, y, m, o;
      var from = calendar(view.a), years = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
      if (minDays > 40) {
        var step = years.filter(function (s) { return s * 365.25 >= minDays; })[0] || 1000;
        for (y = Math.ceil(from.y / step) * step; (o = ordinalOf(y, 0, 1)) <= view.b; y += step) {
          if (o >= view.a) { out.push([o, String(y)]); }
        }
      } else if (minDays > 3) {
        var months = [1, 2, 3, 6].filter(function (s) { return s * 30.4 >= minDays; })[0] || 12;
        for (y = from.y, m = 0; (o = ordinalOf(y, m, 1)) <= view.b; m += months) {
          if (m >= 12) { y += 1; m -= 12; o = ordinalOf(y, m, 1); if (o > view.b) { break; } }
          if (o >= view.a) { out.push([o, MONTHS[m] + " " + y]); }
        }
      } else {
        var days = [1, 2, 5, 10].filter(function (s) { return s >= minDays; })[0] || 10;
        for (o = Math.ceil(view.a); o <= view.b; o += 1) {
          c = calendar(o);
          if ((c.d - 1) % days === 0 && c.d < 30) { out.push([o, dayLabel(o)]); }
        }
      }
      return out;
    }

    this.render = function () {
      var width = viewport.clientWidth;
      var span = view.b - view.a;
      var x = function (t) { return (t - view.a) / span * width; };
      var r = rem(), laneHeight = 2.125 * r, gap = 0.375 * r;
      var itemWidth = Math.min(15 * r, Math.max(8 * r, width / 3));
      var maxLanes = width < 40 * r ? 6 : 8;
      ticksEl.textContent = "";
      ticks(width).forEach(function (t) {
        var el = document.createElement("div");
        el.className = "tick";
        el.style.left = x(t[0]) + "px";
        el.textContent = t[1];
        ticksEl.appendChild(el);
      });
      rangeEl.textContent = dayLabel(view.a) + " \u2013 " + dayLabel(view.b - 1);
      var visible = items.filter(function (i) { return !i.card.hidden && i.to > view.a && i.from < view.b; });
      // The most precise events get the lanes first (a day says more than a whole year), each
      // in the first lane where it overlaps nothing; what finds no room is counted.
      var byPrecision = visible.slice().sort(function (p, q) {
        return (p.to - p.from) - (q.to - q.from) || p.from - q.from;
      });
      var lanes = [], placed = [], overflow = [], clusters = [];
      byPrecision.forEach(function (item) {
        var x0 = x(item.from), x1 = x(item.to), left, right, flip = false;
        if (item.point) {
          left = x0; right = x0 + itemWidth;
          if (right > width) { right = x0; left = x0 - itemWidth; flip = true; }
        } else {
          left = Math.max(x0, 0);
          right = Math.min(Math.max(x1, left + itemWidth), width);
          left = Math.min(left, right - itemWidth);
        }
        left = Math.max(left, 0); right = Math.min(right, width);
        var free = function (lane) {
          return lane.every(function (box) { return right + gap <= box[0] || box[1] + gap <= left; });
        };
        var lane = -1;
        for (var k = 0; k < lanes.length && lane === -1; k += 1) { if (free(lanes[k])) { lane = k; } }
        if (lane === -1 && lanes.length < maxLanes) { lane = lanes.length; lanes.push([]); }
        if (lane === -1) { overflow.push({ item: item, x0: x0 }); return; }
        lanes[lane].push([left, right]);
        placed.push({ item: item, lane: lane, left: left, right: right, flip: flip,
          bar: item.point ? null : [Math.max(x0, 0) - left, Math.min(x1, width) - left] });
      });
      // Markers in time order, so that Tab walks through them chronologically.
      placed.sort(function (p, q) { return p.item.from - q.item.from || p.item.to - q.item.to; });
      overflow.sort(function (p, q) { return p.x0 - q.x0; }).forEach(function (o) {
        var last = clusters[clusters.length - 1];
        var cx = Math.max(Math.min(o.x0, width - 3.5 * r), 0);
        if (last && cx < last.right) { last.members.push(o.item); }
        else { clusters.push({ left: cx, right: cx + 3.5 * r + gap, members: [o.item] }); }
      });
      lanesEl.textContent = "";
      placed.forEach(function (p) {
        var item = p.item, el = document.createElement("button");
        el.type = "button";
        el.className = "marker status-" + item.status + (item.point ? " point" : " range") +
          (p.flip ? " flip" : "") + (item.negated ? " negated" : "") + (item.id === selectedId ? " selected" : "");
        el.setAttribute("data-show", item.id);
        el.setAttribute("aria-label", item.card.querySelector(".num").textContent + ". " + item.title +
          ", " + item.when + ", " + item.status + (item.negated ? ", negated" : ""));
        el.title = item.title + " \u2014 " + item.when;
        el.style.left = p.left + "px";
        el.style.width = (p.right - p.left) + "px";
        el.style.top = p.lane * laneHeight + "px";
        el.textContent = item.title;
        if (p.bar && p.bar[1] - p.bar[0] > 0) {
          var bar = document.createElement("span");
          bar.className = "bar";
          bar.style.left = Math.max(p.bar[0] - 4, 0) + "px";
          bar.style.width = (p.bar[1] - p.bar[0]) + "px";
          el.appendChild(bar);
        }
        lanesEl.appendChild(el);
      });
      var used = Math.max(lanes.length, 1);
      if (clusters.length) {
        var row = document.createElement("div");
        row.className = "cluster-row";
        row.style.top = (used * laneHeight) + "px";
        lanesEl.appendChild(row);
      }
      clusters.forEach(function (c, n) {
        var el = document.createElement("button");
        var a = Math.min.apply(null, c.members.map(function (i) { return i.from; }));
        // Zooming onto the members' starts keeps every one of them in view.
        var b = Math.max.apply(null, c.members.map(function (i) { return i.from; })) + 1;
        el.type = "button";
        el.className = "cluster";
        el.setAttribute("data-cluster", String(n));
        el.setAttribute("data-members", c.members.map(function (i) { return i.id; }).join(" "));
        var action = lists(c.members.length, a, b) ? "list them" : "zoom in";
        el.setAttribute("aria-label", c.members.length + " more events, " + dayLabel(a) + " to " +
          dayLabel(b - 1) + ": " + action);
        el.title = c.members.length + " more events here: select to " + action;
        el.style.left = c.left + "px";
        el.style.width = (c.right - c.left - gap) + "px";
        el.style.top = (used * laneHeight + gap) + "px";
        el.textContent = "+" + c.members.length;
        el.members = c.members;
        el.span = [a, b];
        lanesEl.appendChild(el);
      });
      lanesEl.style.height = ((used + (clusters.length ? 1 : 0)) * laneHeight + (clusters.length ? gap : 0)) + "px";
    };

    // What activating a count does: a few events, events all on one day (zooming cannot part
    // them) or a view that zooming onto their starts would not narrow are listed; else zoom in.
    function lists(count, a, b) {
      var span = view.b - view.a, pad = (b - a) * 0.05 + 0.5;
      return span <= MIN_SPAN * 1.01 || b - a <= 1 || count <= 6 || b - a + 2 * pad >= span * 0.75;
    }
    function expand(cluster) {
      var a = cluster.span[0], b = cluster.span[1], pad = (b - a) * 0.05 + 0.5;
      if (lists(cluster.members.length, a, b)) { showList(cluster.members, dayLabel(a) + " to " + dayLabel(b - 1)); }
      else { self.show(a - pad, b + pad); viewport.focus(); }
    }

    lanesEl.addEventListener("click", function (event) {
      var target = event.target.closest("button");
      if (!target) { return; }
      if (target.classList.contains("cluster")) { expand(target); }
      else { showEvent(target.getAttribute("data-show"), false); }
    });
    section.addEventListener("click", function (event) {
      var target = event.target.closest("button[data-act], button[data-show]");
      if (!target || lanesEl.contains(target)) { return; }
      var act = target.getAttribute("data-act");
      if (act === "in") { self.zoom(0.5); }
      else if (act === "out") { self.zoom(2); }
      else if (act === "earlier") { self.pan(-0.25); }
      else if (act === "later") { self.pan(0.25); }
      else if (act === "all") { self.fit(); }
      else if (act === "close") { detail.hidden = true; clearSelected(); self.mark(null); viewport.focus(); }
      else if (target.hasAttribute("data-show")) { showEvent(target.getAttribute("data-show"), true); }
    });
    viewport.addEventListener("keydown", function (event) {
      var k = event.key;
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      if (k === "ArrowLeft") { self.pan(-0.2); }
      else if (k === "ArrowRight") { self.pan(0.2); }
      else if (k === "+" || k === "=") { self.zoom(0.5); }
      else if (k === "-" || k === "_") { self.zoom(2); }
      else if (k === "0" || k === "Home") { self.fit(); }
      else { return; }
      event.preventDefault();
    });
    viewport.addEventListener("wheel", function (event) {
      var box = viewport.getBoundingClientRect();
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        self.zoom(Math.pow(1.0015, event.deltaY), (event.clientX - box.left) / box.width);
      } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        self.pan(event.deltaX / box.width);
      }
    }, { passive: false });
    // Pointer drag pans; two touching fingers pinch-zoom.
    var pointers = {}, pinch = null, moved = 0;
    viewport.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = event.clientX;
      moved = 0;
      var ids = Object.keys(pointers);
      if (ids.length === 2) { pinch = Math.abs(pointers[ids[0]] - pointers[ids[1]]) || 1; }
    });
    viewport.addEventListener("pointermove", function (event) {
      if (!(event.pointerId in pointers)) { return; }
      var ids = Object.keys(pointers), dx = event.clientX - pointers[event.pointerId];
      pointers[event.pointerId] = event.clientX;
      if (ids.length === 2 && pinch) {
        var distance = Math.abs(pointers[ids[0]] - pointers[ids[1]]) || 1;
        var box = viewport.getBoundingClientRect();
        var middle = ((pointers[ids[0]] + pointers[ids[1]]) / 2 - box.left) / box.width;
        self.zoom(pinch / distance, middle);
        pinch = distance;
      } else if (ids.length === 1 && dx !== 0) {
        moved += Math.abs(dx);
        if (moved > 4) {
          if (!viewport.hasPointerCapture(event.pointerId)) { viewport.setPointerCapture(event.pointerId); }
          viewport.classList.add("dragging");
          self.pan(-dx / viewport.clientWidth);
        }
      }
    });
    function release(event) {
      delete pointers[event.pointerId];
      if (Object.keys(pointers).length < 2) { pinch = null; }
      viewport.classList.remove("dragging");
    }
    viewport.addEventListener("pointerup", release);
    viewport.addEventListener("pointercancel", release);
    // A drag must not also count as a click on the marker it started on.
    viewport.addEventListener("click", function (event) {
      if (moved > 4) { event.stopPropagation(); event.preventDefault(); moved = 0; }
    }, true);
    var pending = false;
    window.addEventListener("resize", function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; self.render(); });
    });
  }

  var timeline = null;
  if (axis) {
    axis.hidden = false;
    timeline = new Axis(axis);
    window.timelineAxis = timeline;
  }
  window.addEventListener("hashchange", function () { openCard(location.hash.slice(1)); });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  update();
  openCard(location.hash.slice(1));
}());

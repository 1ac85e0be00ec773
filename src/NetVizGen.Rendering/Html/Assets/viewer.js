// NetVizGen interactive view. Self-contained: no network, no dependencies, no layout engine.
// The build lays out every diagram the static docs draw (the overview and one per block variant);
// this page only composes them: opening a card puts its block's diagram in place and moves the rest
// aside by constraint passes that keep every original gap (so nothing overlaps and node order never
// changes), then re-routes the edges that touch the opened card. All user strings reach the DOM as
// textContent or attribute values, never as markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('netviz-data').textContent);
  var SVGNS = 'http://www.w3.org/2000/svg';
  var PAD = 12, TITLE = 24, EPS = 0.01;
  var LR = data.direction === 'LR';
  var views = data.views;
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  var canvas = document.getElementById('canvas');
  var viewport = document.getElementById('viewport');
  var details = document.getElementById('details');
  var search = document.getElementById('search');
  var searchInfo = document.getElementById('search-info');
  var root = document.documentElement;

  // Node drawings, exactly as in the SVGs, per theme and view: Map(nodeId -> element).
  var templates = { light: indexTemplates('tpl-light'), dark: indexTemplates('tpl-dark') };
  function indexTemplates(id) {
    var out = [], t = document.getElementById(id);
    if (!t) return out;
    var groups = t.content.querySelectorAll('[data-view]');
    for (var i = 0; i < groups.length; i++) {
      var m = new Map(), kids = groups[i].children;
      for (var j = 0; j < kids.length; j++) m.set(kids[j].getAttribute('data-node'), kids[j]);
      out[+groups[i].getAttribute('data-view')] = m;
    }
    return out;
  }

  // ---- state -------------------------------------------------------------------------------
  // open: the set of opened block instances (module paths). A folded ×N card opens one instance
  // at a time (the first by default); the others are identical by construction and listed on it.
  var open = new Set();
  var selected = null;      // module path (or "op:" key) of the selected node
  var theme = (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light';
  var zoom = { k: 1, x: 0, y: 0 };
  var display = [];         // what the last render drew: {key, path, kind, card, instances, box}
  var matches = [], matchIndex = -1;
  var lastPositions = new Map();

  // ---- building the instance tree ------------------------------------------------------------
  function mapPath(p, inst) {
    if (inst.rep && (p === inst.rep || p.indexOf(inst.rep + '.') === 0)) return inst.prefix + p.slice(inst.rep.length);
    return p;
  }
  function fullPath(node, inst) {
    if (node.kind !== 'layer' && node.kind !== 'block') return null;
    if (!inst.prefix) return node.path;
    return node.path ? inst.prefix + '.' + node.path : inst.prefix;
  }
  function build(viewIndex, prefix, rep, depth) {
    var inst = { view: viewIndex, prefix: prefix, rep: rep, children: new Map() };
    if (depth > 32) return inst;
    var v = views[viewIndex];
    for (var i = 0; i < v.nodes.length; i++) {
      var n = v.nodes[i];
      if (n.view === undefined) continue;
      var instances = n.instances.map(function (p) { return mapPath(p, inst); });
      var shown = null;
      for (var j = 0; j < instances.length; j++) if (open.has(instances[j])) { shown = instances[j]; break; }
      if (shown !== null) {
        var child = build(n.view, shown, views[n.view].rep, depth + 1);
        child.instances = instances;
        child.shown = shown;
        inst.children.set(n.id, child);
      }
    }
    return inst;
  }

  // ---- composing (the small layout) --------------------------------------------------------
  // Works in "main/cross" coordinates: main is the rank axis (y top-down, x left-right).
  function toMC(x, y, w, h) { return LR ? { l: y, t: x, r: y + h, b: x + w } : { l: x, t: y, r: x + w, b: y + h }; }
  function overlap(a0, a1, b0, b1) { return a0 < b1 - EPS && b0 < a1 - EPS; }

  function compose(inst) {
    var v = views[inst.view];
    var items = [], byId = new Map();
    var clusterParent = new Map();
    v.clusters.forEach(function (c) { clusterParent.set(c.id, c.parent || null); });
    v.clusters.forEach(function (c, i) {
      var it = { id: 'c:' + c.id, cluster: c, parent: c.parent ? 'c:' + c.parent : null, o: toMC(c.x, c.y, c.w, c.h), gm: 0, gc: 0, members: [], order: i };
      items.push(it); byId.set(it.id, it);
    });
    v.nodes.forEach(function (n, i) {
      var child = inst.children.get(n.id), gw = 0, gh = 0;
      if (child) {
        child.layout = compose(child);
        gw = Math.max(0, child.layout.w + 2 * PAD - n.w);
        gh = Math.max(0, child.layout.h + TITLE + 2 * PAD - n.h);
      }
      var it = { id: 'n:' + n.id, node: n, child: child, parent: n.cluster ? 'c:' + n.cluster : null, o: toMC(n.x, n.y, n.w, n.h),
                 gm: LR ? gw : gh, gc: LR ? gh : gw, members: [], order: 10000 + i };
      items.push(it); byId.set(it.id, it);
    });
    items.forEach(function (it) { if (it.parent && byId.has(it.parent)) byId.get(it.parent).members.push(it); else it.parent = null; });
    function isAncestor(a, b) { for (var p = b.parent; p; p = byId.get(p).parent) if (p === a.id) return true; return false; }
    function related(a, b) { return isAncestor(a, b) || isAncestor(b, a); }

    // Main axis: push down (or right) whatever lies after a grown item, keeping every gap.
    var sT = new Map(), bottoms = new Map();
    function newB(a) {
      if (bottoms.has(a.id)) return bottoms.get(a.id);
      var b = a.o.b + sT.get(a.id) + a.gm;
      if (a.cluster && a.members.length) {
        var lowest = -Infinity, lowestNew = -Infinity;
        a.members.forEach(function (m) { lowest = Math.max(lowest, m.o.b); lowestNew = Math.max(lowestNew, newB(m)); });
        b = Math.max(b, lowestNew + (a.o.b - lowest));
      }
      bottoms.set(a.id, b);
      return b;
    }
    var byTop = items.slice().sort(function (a, b) { return a.o.t - b.o.t || (a.cluster ? 0 : 1) - (b.cluster ? 0 : 1) || a.order - b.order; });
    var done = [];
    byTop.forEach(function (bItem) {
      var s = bItem.parent ? sT.get(bItem.parent) : 0;
      done.forEach(function (a) {
        if (related(a, bItem)) return;
        if (a.o.b <= bItem.o.t + EPS && overlap(a.o.l, a.o.r, bItem.o.l, bItem.o.r)) s = Math.max(s, newB(a) - a.o.b);
      });
      sT.set(bItem.id, s);
      done.push(bItem);
    });
    var top = new Map();
    items.forEach(function (it) { top.set(it.id, it.o.t + sT.get(it.id)); newB(it); });

    // Cross axis: a grown item widens around its centre; neighbours beside it move out both ways.
    var sR = new Map(), rights = new Map();
    function newR(a) {
      if (rights.has(a.id)) return rights.get(a.id);
      var r = a.o.r + sR.get(a.id) + a.gc / 2;
      if (a.cluster && a.members.length) {
        var most = -Infinity, mostNew = -Infinity;
        a.members.forEach(function (m) { most = Math.max(most, m.o.r); mostNew = Math.max(mostNew, newR(m)); });
        r = Math.max(r, mostNew + (a.o.r - most));
      }
      rights.set(a.id, r);
      return r;
    }
    function mainOverlap(a, b) { return overlap(top.get(a.id), bottoms.get(a.id), top.get(b.id), bottoms.get(b.id)); }
    var byLeft = items.slice().sort(function (a, b) { return a.o.l - b.o.l || (a.cluster ? 0 : 1) - (b.cluster ? 0 : 1) || a.order - b.order; });
    done = [];
    byLeft.forEach(function (bItem) {
      var s = bItem.parent ? sR.get(bItem.parent) : 0;
      done.forEach(function (a) {
        if (related(a, bItem)) return;
        if (a.o.r <= bItem.o.l + EPS && mainOverlap(a, bItem)) s = Math.max(s, newR(a) - a.o.r);
      });
      sR.set(bItem.id, s);
      done.push(bItem);
    });
    items.forEach(newR);

    var sL = new Map(), lefts = new Map();
    function newL(a) {
      if (lefts.has(a.id)) return lefts.get(a.id);
      var l = a.o.l - sL.get(a.id) - a.gc / 2;
      if (a.cluster && a.members.length) {
        var least = Infinity, leastNew = Infinity;
        a.members.forEach(function (m) { least = Math.min(least, m.o.l); leastNew = Math.min(leastNew, newL(m)); });
        l = Math.min(l, leastNew - (least - a.o.l));
      }
      lefts.set(a.id, l);
      return l;
    }
    var byRight = items.slice().sort(function (a, b) { return b.o.r - a.o.r || (a.cluster ? 0 : 1) - (b.cluster ? 0 : 1) || a.order - b.order; });
    done = [];
    byRight.forEach(function (bItem) {
      var s = bItem.parent ? sL.get(bItem.parent) : 0;
      done.forEach(function (a) {
        if (related(a, bItem)) return;
        if (a.o.l >= bItem.o.r - EPS && mainOverlap(a, bItem)) s = Math.max(s, a.o.l - newL(a));
      });
      sL.set(bItem.id, s);
      done.push(bItem);
    });
    items.forEach(newL);

    // Final boxes, back in x/y.
    var boxes = new Map();
    items.forEach(function (it) {
      var l = lefts.get(it.id) + sR.get(it.id), r = rights.get(it.id) - sL.get(it.id);
      var t = top.get(it.id), b = bottoms.get(it.id);
      boxes.set(it.id, LR ? { x: t, y: l, w: b - t, h: r - l } : { x: l, y: t, w: r - l, h: b - t });
    });

    // A route point moves like a zero-size item at its place.
    function movePoint(x, y) {
      var p = toMC(x, y, 0, 0), s = 0, r = 0, lft = 0, inner = null;
      items.forEach(function (a) {
        if (a.cluster && a.o.l <= p.l && p.l <= a.o.r && a.o.t <= p.t && p.t <= a.o.b) {
          if (!inner || isAncestor(inner, a)) inner = a;
        }
      });
      if (inner) { s = sT.get(inner.id); r = sR.get(inner.id); lft = sL.get(inner.id); }
      items.forEach(function (a) {
        if (a === inner || (inner && isAncestor(a, inner))) return;
        if (a.o.b <= p.t + EPS && a.o.l - EPS <= p.l && p.l <= a.o.r + EPS) s = Math.max(s, bottoms.get(a.id) - a.o.b);
      });
      var mt = p.t + s;
      items.forEach(function (a) {
        if (a === inner || (inner && isAncestor(a, inner))) return;
        if (top.get(a.id) - EPS <= mt && mt <= bottoms.get(a.id) + EPS) {
          if (a.o.r <= p.l + EPS) r = Math.max(r, rights.get(a.id) - a.o.r);
          if (a.o.l >= p.l - EPS) lft = Math.max(lft, a.o.l - lefts.get(a.id));
        }
      });
      var mc = p.l + r - lft;
      return LR ? { x: mt, y: mc } : { x: mc, y: mt };
    }

    var nodeItem = function (id) { return byId.get('n:' + id); };
    function port(it, entering) {
      var box = boxes.get(it.id), n = it.node;
      if (it.child) {
        var cl = it.child.layout, ox = box.x + (box.w - cl.w) / 2, oy = box.y + TITLE + PAD;
        var kind = entering ? 'input' : 'output', found = null;
        views[it.child.view].nodes.forEach(function (m) { if (!found && m.kind === kind) found = m; });
        if (found) {
          var fb = cl.boxes.get('n:' + found.id);
          var fx = ox + fb.x, fy = oy + fb.y;
          if (LR) return entering ? { x: fx, y: fy + fb.h / 2 } : { x: fx + fb.w, y: fy + fb.h / 2 };
          return entering ? { x: fx + fb.w / 2, y: fy } : { x: fx + fb.w / 2, y: fy + fb.h };
        }
      }
      void n;
      if (LR) return entering ? { x: box.x, y: box.y + box.h / 2 } : { x: box.x + box.w, y: box.y + box.h / 2 };
      return entering ? { x: box.x + box.w / 2, y: box.y } : { x: box.x + box.w / 2, y: box.y + box.h };
    }
    // A touched edge keeps its route up to the opened card, then turns square into the port.
    function elbow(p, rest, atStart) {
      if (!rest.length) return [p];
      var q = atStart ? rest[0] : rest[rest.length - 1];
      var mid = LR ? (p.x + q.x) / 2 : (p.y + q.y) / 2;
      var bend = LR ? [{ x: mid, y: q.y }, { x: mid, y: p.y }] : [{ x: q.x, y: mid }, { x: p.x, y: mid }];
      return atStart ? [p].concat(bend.reverse(), rest) : rest.concat(bend, [p]);
    }
    // An opened side node sits on the lane beside the drawing: its edge leaves the side facing the next
    // route point, level with the frame's middle, and runs across to the route's run in the gap.
    function sideExit(box, rest) {
      if (!rest.length) return rest;
      var q = rest[0];
      if (LR) {
        var below = q.y >= box.y + box.h / 2, p = { x: box.x + box.w / 2, y: below ? box.y + box.h : box.y };
        return [p, { x: p.x, y: q.y }].concat(rest);
      }
      var right = q.x >= box.x + box.w / 2, p2 = { x: right ? box.x + box.w : box.x, y: box.y + box.h / 2 };
      return [p2, { x: q.x, y: p2.y }].concat(rest);
    }
    var edges = v.edges.map(function (e) {
      var s = nodeItem(e.s), t = nodeItem(e.t), pts = [];
      for (var i = 0; i < e.points.length; i += 2) pts.push({ x: e.points[i], y: e.points[i + 1] });
      var moved = pts.map(function (p, i) {
        // Endpoints travel with their node; inner points with what surrounds them.
        var end = i === 0 ? s : i === pts.length - 1 ? t : null;
        if (end && !end.child) {
          var nb = boxes.get(end.id), n = end.node;
          return { x: p.x + nb.x - n.x + (nb.w - n.w) / 2, y: p.y + nb.y - n.y + (nb.h - n.h) / 2 };
        }
        return movePoint(p.x, p.y);
      });
      // A wrapped drawing's jumps (indices into the points) move with the points an opened source adds.
      var breaks = e.breaks || [], before = moved.length;
      if (s && s.child && s.node.kind === 'side') moved = sideExit(boxes.get(s.id), moved.slice(1));
      else if (s && s.child) moved = elbow(port(s, false), moved.slice(1), true);
      var shift = moved.length - before;
      breaks = breaks.map(function (b) { return b + shift; });
      if (t && t.child) moved = elbow(port(t, true), moved.slice(0, -1), false);
      var lab = movePoint(e.label[0], e.label[1]);
      return { points: moved, breaks: breaks, label: lab, shape: e.shape, show: e.show, touched: !!((s && s.child) || (t && t.child)) };
    });

    // Normalise to a (0, 0) origin.
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    boxes.forEach(function (b) { minX = Math.min(minX, b.x); minY = Math.min(minY, b.y); maxX = Math.max(maxX, b.x + b.w); maxY = Math.max(maxY, b.y + b.h); });
    edges.forEach(function (e) { e.points.forEach(function (p) { minX = Math.min(minX, p.x); minY = Math.min(minY, p.y); maxX = Math.max(maxX, p.x); maxY = Math.max(maxY, p.y); }); });
    if (!isFinite(minX)) { minX = minY = 0; maxX = v.w; maxY = v.h; }
    boxes.forEach(function (b) { b.x -= minX; b.y -= minY; });
    edges.forEach(function (e) { e.points.forEach(function (p) { p.x -= minX; p.y -= minY; }); e.label.x -= minX; e.label.y -= minY; });
    return { w: maxX - minX, h: maxY - minY, boxes: boxes, edges: edges, items: items };
  }

  // ---- drawing -----------------------------------------------------------------------------
  function el(name, attrs, parent) {
    var e = document.createElementNS(SVGNS, name);
    for (var k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, String(attrs[k]));
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, value, attrs) { var t = el('text', attrs, parent); t.textContent = value; return t; }
  function css(name) { return getComputedStyle(root).getPropertyValue(name).trim(); }

  var layers;
  function render(animate) {
    var tree = build(0, '', '', 0);
    var L = compose(tree);
    if (!layers) layers = { clusters: el('g', { id: 'clusters' }, viewport), edges: el('g', { id: 'edges' }, viewport), nodes: el('g', { id: 'nodes' }, viewport), labels: el('g', { id: 'labels' }, viewport), marks: el('g', { id: 'marks' }, viewport) };
    [layers.clusters, layers.edges, layers.labels, layers.marks].forEach(clear);
    // Node drawings are kept between renders and only moved: opening a block builds just its inside.
    var previous = nodeCache;
    nodeCache = new Map();
    Array.from(layers.nodes.children).forEach(function (c) { if (c.classList.contains('opened')) layers.nodes.removeChild(c); });
    display = [];
    var positions = new Map();
    draw(tree, L, 0, 0, positions, '', previous);
    previous.forEach(function (entry, key) { var now = nodeCache.get(key); if ((!now || now.element !== entry.element) && entry.element.parentNode) entry.element.parentNode.removeChild(entry.element); });
    canvas.setAttribute('data-width', L.w.toFixed(2));
    canvas.setAttribute('data-height', L.h.toFixed(2));
    sceneSize = { w: L.w, h: L.h };
    if (animate && !reduceMotion) {
      display.forEach(function (d) {
        var before = lastPositions.get(d.key), now = positions.get(d.key);
        if (before && now && d.element && d.element.animate && (before.x !== now.x || before.y !== now.y))
          d.element.animate([{ transform: 'translate(' + (before.x - now.x) + 'px,' + (before.y - now.y) + 'px)' }, { transform: 'translate(0,0)' }], { duration: 180, easing: 'ease-out' });
      });
    }
    lastPositions = positions;
    markSelection();
    writeHash();
    document.getElementById('expand-state').textContent = open.size === 0 ? 'All blocks collapsed' : open.size + (open.size === 1 ? ' block open' : ' blocks open');
  }
  var sceneSize = { w: 0, h: 0 };
  var nodeCache = new Map();

  function draw(inst, L, ox, oy, positions, scope, previous) {
    scope = scope || '';
    var v = views[inst.view];
    var tpl = templates[theme][inst.view];
    v.clusters.forEach(function (c) {
      var b = L.boxes.get('c:' + c.id);
      var g = el('g', { 'class': 'cluster' }, layers.clusters);
      el('rect', { x: ox + b.x, y: oy + b.y, width: b.w, height: b.h, rx: 6, 'class': 'cluster-box' }, g);
      text(g, c.title, { x: ox + b.x + 8, y: oy + b.y + 14, 'class': 'cluster-title' });
    });
    L.edges.forEach(function (e) {
      var d = e.points.map(function (p, i) { return (i && e.breaks.indexOf(i) < 0 ? 'L' : 'M') + (ox + p.x).toFixed(2) + ' ' + (oy + p.y).toFixed(2); }).join('');
      el('path', { d: d, 'class': e.touched ? 'edge touched' : 'edge', 'marker-end': 'url(#arrow)' }, layers.edges);
      // A wrapped drawing's jump: a connector mark at both loose ends, as in the SVG.
      e.breaks.forEach(function (b) {
        [e.points[b - 1], e.points[b]].forEach(function (p) { el('circle', { cx: ox + p.x, cy: oy + p.y, r: 3.5, 'class': 'connector' }, layers.edges); });
      });
      if (e.show && e.shape) text(layers.labels, e.shape, { x: ox + e.label.x, y: oy + e.label.y + 3.5, 'class': 'edge-label' });
    });
    v.nodes.forEach(function (n) {
      var it = L.boxes.get('n:' + n.id);
      var child = inst.children.get(n.id);
      var path = fullPath(n, inst);
      var key = (path || (inst.prefix + '#' + n.id));
      if (child) {
        var frame = el('g', { 'class': 'opened', 'data-path': child.shown, tabindex: 0, role: 'button',
          'aria-label': n.label + (n.kind === 'side' ? '' : ' ' + child.shown) + ', opened; press Enter to close' }, layers.nodes);
        el('rect', { x: ox + it.x, y: oy + it.y, width: it.w, height: it.h, rx: 7, 'class': 'opened-box' }, frame);
        // A side node (a mask, position ids) opens to the ops it folds; its key is no module path to show.
        var title = n.kind === 'side' ? n.label : n.label + ' · ' + child.shown + (child.instances.length > 1 ? '  (×' + child.instances.length + ', identical; showing ' + (child.instances.indexOf(child.shown) + 1) + ' of ' + child.instances.length + ')' : '');
        text(frame, '▾ ' + title, { x: ox + it.x + 8, y: oy + it.y + 16, 'class': 'opened-title' });
        if (child.instances.length > 1) instanceButtons(frame, child, ox + it.x + it.w - 8, oy + it.y + 16);
        frame.addEventListener('click', function (ev) { if (ev.target.closest('.inst-button')) return; ev.stopPropagation(); toggle(child.shown, false); });
        display.push({ key: key, path: child.shown, kind: 'opened', label: n.label, card: true, instances: child.instances, box: abs(it, ox, oy), element: frame });
        positions.set(key, { x: ox + it.x, y: oy + it.y });
        var cx = ox + it.x + (it.w - child.layout.w) / 2, cy = oy + it.y + TITLE + PAD;
        frame.setAttribute('data-scope', scope);
        draw(child, child.layout, cx, cy, positions, (scope + ' ' + child.shown).trim(), previous);
        return;
      }
      var transform = 'translate(' + (ox + it.x - n.x).toFixed(2) + ' ' + (oy + it.y - n.y).toFixed(2) + ')';
      var signature = theme + ':' + inst.view + ':' + n.id + ':' + scope;
      var cacheKey = key + '|' + inst.view + '|' + n.id;
      var kept = previous.get(cacheKey);
      var instances = n.instances ? n.instances.map(function (p) { return mapPath(p, inst); }) : null;
      var m = path !== null ? data.modules[path] : null;
      if (kept && kept.signature === signature) {
        kept.element.setAttribute('transform', transform);
        layers.nodes.appendChild(kept.element);
        nodeCache.set(cacheKey, kept);
        display.push({ key: key, path: path, kind: n.kind, label: n.label, card: !!instances, instances: instances, box: abs(it, ox, oy), element: kept.element });
        positions.set(key, { x: ox + it.x, y: oy + it.y });
        return;
      }
      var drawing = tpl && tpl.get(n.id);
      var g = el('g', { 'class': 'node node-' + n.kind, transform: transform }, layers.nodes);
      nodeCache.set(cacheKey, { element: g, signature: signature });
      if (drawing) {
        var clone = drawing.cloneNode(true);
        clone.removeAttribute('data-node');
        var ids = clone.querySelectorAll('[id]');
        for (var i = 0; i < ids.length; i++) ids[i].removeAttribute('id');
        g.appendChild(clone);
      }
      g.setAttribute('data-key', key);
      g.setAttribute('data-scope', scope);
      if (path !== null) g.setAttribute('data-path', path);
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      var label = n.label + (path ? ' ' + path : '') + (m && m.parameters >= 0 ? ', ' + m.parameters.toLocaleString('en-US') + ' parameters' : '');
      g.setAttribute('aria-label', instances ? label + (n.kind === 'side' ? ', side computation' : ', block') + '; press Enter to open' : label);
      (function (node, instList, p, k) {
        g.addEventListener('click', function (ev) {
          ev.stopPropagation();
          if (instList) toggle(instList[0], true);
          select(p || k, node);
        });
      })(n, instances, path, key);
      display.push({ key: key, path: path, kind: n.kind, label: n.label, card: !!instances, instances: instances, box: abs(it, ox, oy), element: g });
      positions.set(key, { x: ox + it.x, y: oy + it.y });
    });
  }
  function abs(b, ox, oy) { return { x: ox + b.x, y: oy + b.y, w: b.w, h: b.h }; }

  function instanceButtons(frame, child, right, y) {
    var i = child.instances.indexOf(child.shown);
    [['›', 1, 0], ['‹', -1, 22]].forEach(function (spec) {
      var target = child.instances[(i + spec[1] + child.instances.length) % child.instances.length];
      var b = text(frame, spec[0], { x: right - spec[2], y: y, 'class': 'inst-button', role: 'button', tabindex: 0,
        'aria-label': (spec[1] > 0 ? 'Next' : 'Previous') + ' instance: ' + target });
      var go = function (ev) { ev.stopPropagation(); open.delete(child.shown); open.add(target); render(true); };
      b.addEventListener('click', go);
      b.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') go(ev); });
    });
  }

  function toggle(path, opening) {
    if (opening) open.add(path); else {
      open.delete(path);
      // Closing a block also closes what was open inside it.
      Array.from(open).forEach(function (p) { if (p.indexOf(path + '.') === 0) open.delete(p); });
    }
    render(true);
  }

  // ---- selection and details ------------------------------------------------------------------
  function select(key, node) {
    selected = key;
    markSelection();
    showDetails(key, node);
    writeHash();
  }
  function markSelection() {
    if (!layers) return;
    while (layers.marks.firstChild) layers.marks.removeChild(layers.marks.firstChild);
    display.forEach(function (d) {
      var on = selected !== null && (d.path === selected || d.key === selected);
      d.element.setAttribute('aria-pressed', on ? 'true' : 'false');
      if (on) el('rect', { x: d.box.x - 4, y: d.box.y - 4, width: d.box.w + 8, height: d.box.h + 8, rx: 8, 'class': 'selection' }, layers.marks);
      var hit = matches.length && d.path && matches.indexOf(d.path) >= 0;
      if (hit) el('rect', { x: d.box.x - 2, y: d.box.y - 2, width: d.box.w + 4, height: d.box.h + 4, rx: 6, 'class': 'match' }, layers.marks);
    });
  }
  function clear(elm) { while (elm.firstChild) elm.removeChild(elm.firstChild); }
  function row(dl, name, value) {
    if (value === null || value === undefined || value === '') return;
    var dt = document.createElement('dt'); dt.textContent = name; dl.appendChild(dt);
    var dd = document.createElement('dd'); dd.textContent = value; dl.appendChild(dd);
  }
  function count(n) { return n < 0 ? 'unknown' : n.toLocaleString('en-US'); }
  function showDetails(key, node) {
    clear(details);
    var m = data.modules[key];
    var h = document.createElement('h2');
    h.textContent = m ? (key || data.title) : (node ? node.label : key);
    details.appendChild(h);
    var dl = document.createElement('dl');
    details.appendChild(dl);
    if (m) {
      row(dl, 'Type', m.type);
      if (m.label && m.label !== m.type) row(dl, 'Layer', m.label);
      row(dl, 'Path', key || '(model)');
      m.args.forEach(function (a) { row(dl, a[0], a[1]); });
      row(dl, 'Parameters', count(m.parameters) + (m.trainable >= 0 && m.trainable !== m.parameters ? ' (' + count(m.trainable) + ' trainable, ' + count(m.parameters - m.trainable) + ' frozen)' : ''));
      if (m.buffers > 0) row(dl, 'Buffers', count(m.buffers) + ' elements');
      if (m.sharedWith) row(dl, 'Shared with', m.sharedWith);
      if (m.inputs) row(dl, 'Input', m.inputs.join(', ') || '?');
      if (m.output !== undefined) row(dl, 'Output', m.output || '?');
      m.notes.forEach(function (n) { row(dl, 'Diagnostic', n); });
      if (m.source) {
        var a = document.createElement('a');
        a.href = m.source; a.textContent = 'Source: ' + m.source.replace(/^(\.\.\/)+/, '');
        a.rel = 'noopener';
        details.appendChild(a);
      }
    } else if (node) {
      row(dl, 'Kind', node.kind);
      row(dl, 'Operation', node.label);
    }
    details.hidden = false;
  }

  // ---- search -------------------------------------------------------------------------------
  function norm(s) { return String(s).toLowerCase().replace(/×/g, 'x'); }
  var searchIndex = Object.keys(data.modules).filter(function (p) { return p.length > 0; }).map(function (p) {
    var m = data.modules[p];
    return { path: p, text: norm(p + ' ' + m.type + ' ' + m.label + ' ' + m.args.map(function (a) { return a[0] + ' ' + a[1]; }).join(' ')) };
  });
  function runSearch() {
    var q = norm(search.value).split(/\s+/).filter(Boolean);
    matches = q.length ? searchIndex.filter(function (e) { return q.every(function (t) { return e.text.indexOf(t) >= 0; }); }).map(function (e) { return e.path; }) : [];
    matchIndex = -1;
    searchInfo.textContent = q.length ? (matches.length ? matches.length + (matches.length === 1 ? ' match' : ' matches') : 'No match') : '';
    markSelection();
  }
  function nextMatch(step) {
    if (!matches.length) return;
    matchIndex = (matchIndex + step + matches.length) % matches.length;
    reveal(matches[matchIndex]);
    searchInfo.textContent = (matchIndex + 1) + ' of ' + matches.length;
  }
  // Opens every card that hides the module, then selects it and brings it into view.
  function reveal(path) {
    for (var guard = 0; guard < 64; guard++) {
      var best = null;
      display.forEach(function (d) {
        if (!d.card || d.kind === 'opened') return;
        (d.instances || []).forEach(function (i) { if (path === i || path.indexOf(i + '.') === 0) best = { d: d, i: i }; });
      });
      if (!best || (best.i === path)) break;
      open.add(best.i);
      render(false);
    }
    var target = null;
    display.forEach(function (d) { if (d.path === path) target = d; });
    if (!target) display.forEach(function (d) { if (d.card && d.instances && d.instances.indexOf(path) >= 0) target = d; });
    // A module drawn as a group (its layers inside a cluster box) is shown by its first layer.
    if (!target) display.forEach(function (d) { if (!target && d.path && d.path.indexOf(path + '.') === 0) target = d; });
    selected = path;
    render(false);
    // An opened side node has no module: its details are its name, not its key.
    if (target || data.modules[path] !== undefined) showDetails(path, target && data.modules[path] === undefined && target.label ? { kind: 'side', label: target.label } : null);
    if (target) centreOn(target.box);
  }

  // ---- pan and zoom --------------------------------------------------------------------------
  function applyZoom() { viewport.setAttribute('transform', 'translate(' + zoom.x.toFixed(2) + ' ' + zoom.y.toFixed(2) + ') scale(' + zoom.k.toFixed(4) + ')'); }
  function size() { var r = canvas.getBoundingClientRect(); return { w: r.width || 800, h: r.height || 600 }; }
  // Fit the whole diagram; readable: a tall one is not shrunk below 70 % (pan or press 0 for all).
  function fit(whole) {
    var s = size(), m = 24;
    var kw = (s.w - 2 * m) / Math.max(sceneSize.w, 1), kh = (s.h - 2 * m) / Math.max(sceneSize.h, 1);
    zoom.k = whole ? Math.min(kw, kh, 1.25) : Math.min(kw, Math.max(kh, 0.7), 1.25);
    zoom.x = (s.w - sceneSize.w * zoom.k) / 2; zoom.y = m;
    applyZoom();
  }
  function centreOn(b) {
    var s = size();
    zoom.x = s.w / 2 - (b.x + b.w / 2) * zoom.k; zoom.y = s.h / 2 - (b.y + b.h / 2) * zoom.k;
    applyZoom();
  }
  function zoomAt(factor, cx, cy) {
    var k = Math.min(8, Math.max(0.05, zoom.k * factor));
    zoom.x = cx - (cx - zoom.x) * (k / zoom.k); zoom.y = cy - (cy - zoom.y) * (k / zoom.k); zoom.k = k;
    applyZoom();
  }
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var r = canvas.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * (ev.ctrlKey ? 0.01 : 0.0015)), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  var pointers = new Map(), pinch = null;
  canvas.addEventListener('pointerdown', function (ev) {
    if (ev.target.closest && ev.target.closest('[role=button]')) return;
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    if (canvas.setPointerCapture) canvas.setPointerCapture(ev.pointerId);
  });
  canvas.addEventListener('pointermove', function (ev) {
    if (!pointers.has(ev.pointerId)) return;
    var prev = pointers.get(ev.pointerId);
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    if (pointers.size === 2) {
      var ps = Array.from(pointers.values()), d = Math.hypot(ps[0].x - ps[1].x, ps[0].y - ps[1].y);
      var r = canvas.getBoundingClientRect();
      if (pinch) zoomAt(d / pinch, (ps[0].x + ps[1].x) / 2 - r.left, (ps[0].y + ps[1].y) / 2 - r.top);
      pinch = d;
      return;
    }
    zoom.x += ev.clientX - prev.x; zoom.y += ev.clientY - prev.y;
    applyZoom();
  });
  function release(ev) { pointers.delete(ev.pointerId); if (pointers.size < 2) pinch = null; }
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);

  // ---- keyboard ----------------------------------------------------------------------------
  document.addEventListener('keydown', function (ev) {
    var inSearch = ev.target === search;
    if (inSearch) {
      if (ev.key === 'Enter') { ev.preventDefault(); nextMatch(ev.shiftKey ? -1 : 1); }
      if (ev.key === 'Escape') { search.value = ''; runSearch(); search.blur(); }
      return;
    }
    var node = ev.target.closest && ev.target.closest('#viewport [role=button]');
    if (node && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); node.dispatchEvent(new MouseEvent('click', { bubbles: true })); return; }
    var s = size();
    switch (ev.key) {
      case '/': ev.preventDefault(); search.focus(); break;
      case '+': case '=': zoomAt(1.25, s.w / 2, s.h / 2); break;
      case '-': zoomAt(0.8, s.w / 2, s.h / 2); break;
      case '0': case 'f': fit(true); break;
      case 'ArrowLeft': zoom.x += 40; applyZoom(); break;
      case 'ArrowRight': zoom.x -= 40; applyZoom(); break;
      case 'ArrowUp': zoom.y += 40; applyZoom(); break;
      case 'ArrowDown': zoom.y -= 40; applyZoom(); break;
      case 'Escape': selected = null; details.hidden = true; markSelection(); writeHash(); break;
      default: return;
    }
  });

  // ---- deep links: #<selected>?expand=<path>,<path> -----------------------------------------
  function writeHash() {
    var parts = [];
    var sel = selected && data.modules[selected] !== undefined ? selected : '';
    var list = Array.from(open).sort();
    var hash = encodeURIComponent(sel) + (list.length ? '?expand=' + list.map(encodeURIComponent).join(',') : '');
    void parts;
    if (('#' + hash) !== location.hash && (hash || location.hash)) history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
  }
  function readHash() {
    var h = location.hash.replace(/^#/, '');
    if (!h) return null;
    var q = h.indexOf('?'), sel = decodeURIComponent(q < 0 ? h : h.slice(0, q)), rest = q < 0 ? '' : h.slice(q + 1);
    var m = /(?:^|&)expand=([^&]*)/.exec(rest);
    return { selected: sel, expand: m && m[1] ? m[1].split(',').map(decodeURIComponent) : [] };
  }

  // ---- toolbar ------------------------------------------------------------------------------
  function initialOpen() {
    // The page opens at the Markdown's depth: the overview as drawn in the SVG.
    open.clear();
  }
  function allCards(viewIndex, inst, out, depth) {
    if (depth > 32) return;
    views[viewIndex].nodes.forEach(function (n) {
      if (n.view === undefined) return;
      var first = mapPath(n.instances[0], inst);
      out.push(first);
      allCards(n.view, { prefix: first, rep: views[n.view].rep }, out, depth + 1);
    });
  }
  document.getElementById('expand-all').addEventListener('click', function () {
    var all = []; allCards(0, { prefix: '', rep: '' }, all, 0);
    all.forEach(function (p) { open.add(p); });
    render(true); fit();
  });
  document.getElementById('collapse-all').addEventListener('click', function () { initialOpen(); render(true); fit(); });
  document.getElementById('fit').addEventListener('click', function () { fit(true); });
  document.getElementById('theme').addEventListener('click', function () {
    theme = theme === 'dark' ? 'light' : 'dark';
    applyTheme(); render(false);
  });
  document.getElementById('download').addEventListener('click', function () {
    var copy = canvas.cloneNode(true);
    var vp = copy.querySelector('#viewport');
    vp.removeAttribute('transform');
    copy.setAttribute('xmlns', SVGNS);
    copy.setAttribute('viewBox', '-16 -16 ' + (sceneSize.w + 32).toFixed(2) + ' ' + (sceneSize.h + 32).toFixed(2));
    copy.setAttribute('width', (sceneSize.w + 32).toFixed(0));
    copy.setAttribute('height', (sceneSize.h + 32).toFixed(0));
    copy.removeAttribute('class');
    var bg = document.createElementNS(SVGNS, 'rect');
    bg.setAttribute('x', '-16'); bg.setAttribute('y', '-16'); bg.setAttribute('width', '100%'); bg.setAttribute('height', '100%');
    bg.setAttribute('fill', css('--bg'));
    copy.insertBefore(bg, copy.firstChild);
    // Inline the page's styles as presentation attributes, so the file stands alone.
    inlineStyles(copy);
    var blob = new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = data.id + '.view.svg';
    document.body.appendChild(a); a.click(); document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  });
  function inlineStyles(svg) {
    var map = [['.cluster-box', { fill: '--cluster-fill', stroke: '--cluster-stroke', 'stroke-dasharray': '5 3' }],
      ['.cluster-title', { fill: '--muted', 'font-size': '11' }], ['.edge', { fill: 'none', stroke: '--edge', 'stroke-width': '1.2' }],
      ['.edge-label', { fill: '--muted', 'font-size': '10', 'text-anchor': 'middle' }],
      ['.opened-box', { fill: 'none', stroke: '--opened', 'stroke-width': '1.6' }], ['.opened-title', { fill: '--text', 'font-size': '12' }],
      ['.selection', { fill: 'none', stroke: '--accent', 'stroke-width': '2.5' }], ['.match', { fill: 'none', stroke: '--match', 'stroke-width': '2', 'stroke-dasharray': '4 2' }],
      ['.inst-button', { fill: '--accent', 'font-size': '14' }]];
    map.forEach(function (entry) {
      var els = svg.querySelectorAll(entry[0]);
      for (var i = 0; i < els.length; i++) for (var k in entry[1]) {
        var v = entry[1][k];
        els[i].setAttribute(k, v.indexOf('--') === 0 ? css(v) : v);
      }
    });
    svg.setAttribute('font-family', 'Helvetica, Arial, sans-serif');
  }
  function applyTheme() {
    root.setAttribute('data-theme', theme);
    document.getElementById('theme').setAttribute('aria-label', theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme');
  }
  search.addEventListener('input', runSearch);
  document.getElementById('search-next').addEventListener('click', function () { nextMatch(1); });
  document.getElementById('search-prev').addEventListener('click', function () { nextMatch(-1); });
  canvas.addEventListener('click', function (ev) { if (ev.target === canvas) { selected = null; details.hidden = true; markSelection(); writeHash(); } });
  window.addEventListener('hashchange', function () { restore(); });
  window.addEventListener('resize', function () { fit(); });

  function restore() {
    var h = readHash();
    initialOpen();
    if (h) h.expand.forEach(function (p) { open.add(p); });
    selected = null;
    render(false);
    if (h) {
      // Opened paths inside closed blocks need their parents: reveal each, then select.
      h.expand.forEach(function (p) { reveal(p); open.add(p); });
      render(false);
      if (h.selected) reveal(h.selected);
    }
  }

  applyTheme();
  restore();
  fit();
  // A deep link's selection is brought into view.
  if (selected !== null) {
    var focus = null;
    display.forEach(function (d) { if (d.path === selected) focus = d; });
    if (!focus) display.forEach(function (d) { if (!focus && d.path && d.path.indexOf(selected + '.') === 0) focus = d; });
    if (focus) centreOn(focus.box);
  }
  document.body.setAttribute('data-ready', 'true');
})();

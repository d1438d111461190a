// The kgbuilder network view. Reads the page's JSON data; every piece of data reaches the
// page as text (textContent, canvas labels, SVG built element by element), never as markup.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('kgb-data').textContent);
  const $ = (id) => document.getElementById(id);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function sentences(n) {
    return n + (n === 1 ? ' sentence' : ' sentences');
  }

  function day(n) {
    return new Date(n * 86400000).toISOString().slice(0, 10);
  }

  // only web addresses become links: no javascript:, data: or relative URLs
  function safeUrl(text) {
    if (!/^https?:\/\//i.test(text || '')) return null;
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
    } catch (err) {
      return null;
    }
  }

  const { symbol, line } = kgbSymbols;

  // --- the data, indexed
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const edgesOf = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) {
    edgesOf.get(e.from).push(e);
    if (e.to !== e.from) edgesOf.get(e.to).push(e);
  }
  const styleOf = new Map(data.factualities.map((f) => [f.name, f]));

  // --- what is shown: filters and the date window
  const state = {
    classes: new Set(data.classes.map((c) => c.name)),
    families: new Set(data.families.map((f) => f.name)),
    relations: new Set(data.relations),
    factualities: new Set(data.factualities.filter((f) => f.shown).map((f) => f.name)),
    lo: data.range ? data.range[0] : null,
    hi: data.range ? data.range[1] : null,
    pinned: new Set(),
  };
  let shownNodes = new Set();
  let shownEdges = new Set();

  function windowNarrowed() {
    return data.range !== null && (state.lo > data.range[0] || state.hi < data.range[1]);
  }

  function edgePasses(e) {
    if (!state.relations.has(e.relation) || !state.families.has(e.family)) return false;
    if (!state.factualities.has(e.factuality)) return false;
    if (!windowNarrowed()) return true;
    return e.days.some((d) => d >= state.lo && d <= state.hi);
  }

  function narrowed() {
    return windowNarrowed() || state.relations.size < data.relations.length
      || state.families.size < data.families.length;
  }

  function computeShown() {
    const classOk = (id) => state.classes.has(data.classes[nodeById.get(id).c].name) || state.pinned.has(id);
    const edgesNow = new Set();
    const touched = new Set();
    for (const e of data.edges) {
      if (edgePasses(e) && classOk(e.from) && classOk(e.to)) {
        edgesNow.add(e.id);
        touched.add(e.from);
        touched.add(e.to);
      }
    }
    const all = !narrowed();
    const nodesNow = new Set();
    for (const n of data.nodes) {
      if (state.pinned.has(n.id) || (classOk(n.id) && (all || touched.has(n.id)))) nodesNow.add(n.id);
    }
    shownNodes = nodesNow;
    shownEdges = edgesNow;
  }

  // --- the network: positions computed in Python, physics off
  computeShown();
  const nodes = new vis.DataSet(data.nodes.map((n) => ({
    id: n.id, hidden: !shownNodes.has(n.id), x: n.x, y: n.y, label: n.label, shape: data.classes[n.c].shape, size: n.size,
    color: { background: data.classes[n.c].colour, border: '#444',
             highlight: { background: data.classes[n.c].colour, border: '#000' } },
  })));
  const edges = new vis.DataSet(data.edges.map((e) => ({
    id: e.id, hidden: !shownEdges.has(e.id), from: e.from, to: e.to, dashes: styleOf.get(e.factuality).dashes.length
      ? styleOf.get(e.factuality).dashes : false,
    width: styleOf.get(e.factuality).width,
    color: { color: data.families[e.f].colour, highlight: '#000', hover: '#000', opacity: 0.85 },
  })));
  const big = data.nodes.length > 2000;
  const options = {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
    nodes: { borderWidth: 1, font: { size: 20, strokeWidth: 4, strokeColor: '#fff' },
             scaling: { label: { drawThreshold: 7 } } },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.5 } },
             selectionWidth: 2, hoverWidth: 1 },
  };

  const network = new vis.Network($('kgb-network'), { nodes, edges }, options);

  // hide and show only what changed: nothing moves, and a filter costs what it changes
  function apply() {
    const before = [shownNodes, shownEdges];
    computeShown();
    const changed = (items, was, now) => items.filter((x) => was.has(x.id) !== now.has(x.id))
      .map((x) => ({ id: x.id, hidden: !now.has(x.id) }));
    edges.update(changed(data.edges, before[1], shownEdges));
    nodes.update(changed(data.nodes, before[0], shownNodes));
    showCounts();
  }

  function showCounts() {
    $('kgb-shown').textContent = 'showing ' + shownNodes.size + ' of ' + data.nodes.length
      + ' entities, ' + shownEdges.size + ' of ' + data.edges.length + ' facts';
  }

  let pending = false;
  function refresh() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      apply();
    });
  }

  // --- title bar
  $('kgb-title').textContent = data.title;
  const stats = [data.documents.length + (data.documents.length === 1 ? ' document' : ' documents')];
  if (data.range) stats.push(day(data.range[0]) + ' to ' + day(data.range[1]));
  stats.push(data.nodes.length + ' entities, ' + data.edges.length + ' facts');
  if (data.omitted) stats.push(data.omitted + ' less connected entities left out');
  $('kgb-stats').textContent = stats.join(' · ');
  showCounts();

  // --- filters and legend in one: each checkbox carries the symbol it stands for
  function checkbox(container, set, value, text, mark, title) {
    const label = el('label', null, 'kgb-check');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = set.has(value);
    box.dataset.value = value;
    box.addEventListener('change', () => {
      if (box.checked) set.add(value); else set.delete(value);
      refresh();
    });
    label.appendChild(box);
    if (mark) label.appendChild(mark);
    label.appendChild(el('span', text));
    if (title) label.title = title;
    container.appendChild(label);
  }
  for (const c of data.classes) checkbox($('kgb-classes'), state.classes, c.name, c.name, symbol(c.shape, c.colour));
  for (const f of data.families) checkbox($('kgb-families'), state.families, f.name, f.name, line(f.colour, []));
  for (const f of data.factualities) {
    checkbox($('kgb-factualities'), state.factualities, f.name, f.name, line('#555', f.dashes), f.description);
  }
  for (const r of data.relations) checkbox($('kgb-relations'), state.relations, r, r);

  // --- the date window
  const from = $('kgb-from');
  const to = $('kgb-to');
  if (data.range) {
    for (const input of [from, to]) {
      input.min = data.range[0];
      input.max = data.range[1];
    }
    from.value = data.range[0];
    to.value = data.range[1];
    const onSlide = () => {
      state.lo = Math.min(Number(from.value), Number(to.value));
      state.hi = Math.max(Number(from.value), Number(to.value));
      $('kgb-from-label').textContent = day(state.lo);
      $('kgb-to-label').textContent = day(state.hi);
      refresh();
    };
    from.addEventListener('input', onSlide);
    to.addEventListener('input', onSlide);
    $('kgb-from-label').textContent = day(data.range[0]);
    $('kgb-to-label').textContent = day(data.range[1]);
  } else {
    $('kgb-dates').hidden = true;
  }

  // --- panels
  const panel = $('kgb-panel');
  const body = $('kgb-panel-body');

  function openPanel(heading) {
    body.replaceChildren(el('h2', heading));
    panel.hidden = false;
  }

  function entityButton(id) {
    const b = el('button', nodeById.get(id).label, 'kgb-link');
    b.type = 'button';
    b.addEventListener('click', () => focusNode(id));
    return b;
  }

  function factButton(e) {
    const item = el('li');
    const b = el('button', e.relation, 'kgb-link');
    b.type = 'button';
    b.addEventListener('click', () => showEdge(e.id));
    item.append(entityButton(e.from), ' ', b, ' ', entityButton(e.to));
    item.appendChild(el('span', ' (' + e.factuality + ', ' + sentences(e.ev.length) + ')', 'kgb-meta'));
    return item;
  }

  function list(items) {
    const ul = el('ul');
    for (const item of items) ul.appendChild(typeof item === 'string' ? el('li', item) : item);
    return ul;
  }

  function showNode(id) {
    const n = nodeById.get(id);
    openPanel(n.label);
    body.appendChild(el('p', data.classes[n.c].name + ' · ' + n.mentions + ' mentions · '
      + edgesOf.get(id).length + ' facts', 'kgb-meta'));
    if (n.names.length) {
      body.appendChild(el('h3', 'Other names'));
      body.appendChild(list(n.names));
    }
    if (n.reasons.length) {
      body.appendChild(el('h3', 'Why the names were merged'));
      body.appendChild(list(n.reasons));
    }
    body.appendChild(el('h3', 'Facts'));
    body.appendChild(list(edgesOf.get(id).map(factButton)));
    body.appendChild(el('p', n.iri, 'kgb-meta'));
  }

  function sentence(ev) {
    const quote = el('blockquote');
    let at = 0;
    for (const [start, end] of ev.marks) {
      if (start < at) continue;
      quote.appendChild(document.createTextNode(ev.s.slice(at, start)));
      quote.appendChild(el('mark', ev.s.slice(start, end)));
      at = end;
    }
    quote.appendChild(document.createTextNode(ev.s.slice(at)));
    return quote;
  }

  function showEdge(id) {
    const e = edgeById.get(id);
    openPanel(nodeById.get(e.from).label + ' ' + e.relation + ' ' + nodeById.get(e.to).label);
    body.appendChild(el('p', data.families[e.f].name + ' · ' + e.factuality + ' · '
      + sentences(e.ev.length), 'kgb-meta'));
    for (const ev of e.ev) {
      const box = el('div', null, 'kgb-evidence');
      box.appendChild(sentence(ev));
      const doc = data.documents[ev.doc];
      const meta = el('div', null, 'kgb-meta');
      if (doc) {
        const url = safeUrl(doc.url);
        const name = doc.title || doc.id;
        if (url) {
          const a = el('a', name);
          a.href = url;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          meta.appendChild(a);
        } else {
          meta.appendChild(el('span', name, 'kgb-doc'));
        }
        if (doc.date) meta.appendChild(el('span', ' · ' + doc.date));
      }
      meta.appendChild(el('span', ' · ' + ev.q));
      meta.appendChild(el('span', ev.by ? ' · reported by ' + ev.by : " · the article's own voice"));
      if (ev.date) meta.appendChild(el('span', ' · happened ' + ev.date + (ev.when ? ' ("' + ev.when + '")' : '')));
      box.appendChild(meta);
      body.appendChild(box);
    }
    if (!e.ev.length) body.appendChild(el('p', 'No statement records where this fact comes from.'));
  }

  function focusNode(id) {
    if (!shownNodes.has(id)) {
      state.pinned.add(id);
      apply();
    }
    const around = edgesOf.get(id).filter((e) => shownEdges.has(e.id));
    network.setSelection({ nodes: [id, ...around.map((e) => (e.from === id ? e.to : e.from))]
      .filter((n) => shownNodes.has(n)), edges: around.map((e) => e.id) });
    // the panel first: it narrows the canvas, which vis would otherwise notice only at its
    // next resize check, after the focus, and centre the node on the old width meanwhile
    showNode(id);
    network.setSize();
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
  }

  // --- hover: the relation of an edge, the class of a node, as text
  const tip = $('kgb-tooltip');
  function showTip(text, pointer) {
    const box = $('kgb-network').getBoundingClientRect();
    tip.textContent = text;
    tip.style.left = (box.left + pointer.x + 12) + 'px';
    tip.style.top = (box.top + pointer.y + 12) + 'px';
    tip.hidden = false;
  }
  network.on('click', (params) => {
    tip.hidden = true;
    if (params.nodes.length) {
      const id = params.nodes[0];
      const around = edgesOf.get(id).filter((e) => shownEdges.has(e.id));
      network.setSelection({ nodes: [id, ...around.map((e) => (e.from === id ? e.to : e.from))],
        edges: around.map((e) => e.id) });
      showNode(id);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    }
  });
  $('kgb-close').addEventListener('click', () => { panel.hidden = true; });

  network.on('hoverEdge', (p) => {
    const e = edgeById.get(p.edge);
    showTip(nodeById.get(e.from).label + ' ' + e.relation + ' ' + nodeById.get(e.to).label
      + ' (' + e.factuality + ', ' + sentences(e.ev.length) + ')', p.pointer.DOM);
  });
  network.on('hoverNode', (p) => {
    const n = nodeById.get(p.node);
    showTip(n.label + ' (' + data.classes[n.c].name + ', ' + edgesOf.get(n.id).length + ' facts)', p.pointer.DOM);
  });
  network.on('blurEdge', () => { tip.hidden = true; });
  network.on('blurNode', () => { tip.hidden = true; });

  // --- search by any name
  const names = data.nodes.map((n) => [n.id, [n.label, ...n.names].map((s) => s.toLowerCase())]);
  function matches(text) {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    const rank = (ns) => (ns.includes(q) ? 0 : ns.some((s) => s.startsWith(q)) ? 1
      : ns.some((s) => s.includes(q)) ? 2 : 3);
    return names.map(([id, ns]) => [rank(ns), id]).filter(([r]) => r < 3)
      .sort((a, b) => a[0] - b[0] || nodeById.get(a[1]).label.localeCompare(nodeById.get(b[1]).label))
      .slice(0, 30).map(([, id]) => id);
  }
  const search = $('kgb-search');
  search.addEventListener('input', () => {
    const found = matches(search.value);
    $('kgb-matches').replaceChildren(...found.map((id) => {
      const li = el('li');
      li.appendChild(entityButton(id));
      return li;
    }));
  });
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const found = matches(search.value);
    if (found.length) focusNode(found[0]);
  });

  // for tests and the benchmark: what is drawn, and when the first frame is done
  window.kgb = { network, data, shown: () => ({ nodes: [...shownNodes].sort(), edges: [...shownEdges].sort() }),
                 focusNode, showEdge, ready: false };
  network.once('afterDrawing', () => { window.kgb.ready = true; });
})();

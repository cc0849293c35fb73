// The newsgraph viewer: an overview to start from, search, a force-directed neighbourhood graph
// (Cytoscape.js), filters, evidence, what each entity said, paths between two entities, the facts
// of each predicate, facts in view, the Gizmo console and exports. It talks to `newsgraph serve` or, in a
// standalone export, reads the data inlined in the page.
import cytoscape from 'cytoscape';
import { ApiSource, InlineSource } from './source.js';
import { TYPES, setTypes, typeOf } from './types.js';
import { download, polygon, toSVG, toGraphML, toNQuads } from './exports.js';

const $ = (id) => document.getElementById(id);

// h builds an element: h('p', {class: 'x'}, 'text', child). Text is always set as text.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const inline = document.getElementById('ng-data');
const inlineData = inline ? JSON.parse(inline.textContent) : null;
const src = inlineData ? new InlineSource(inlineData) : new ApiSource('');

// State of the view: the entities whose neighbourhoods are shown, entities pinned on their own
// (Gizmo results), and the filters.
const state = {
  expanded: [],
  pinned: new Map(), // id -> node
  pinnedEdges: new Map(), // edge id -> edge
  filters: { hops: 1, predicate: '', article: '', minConfidence: 0, minSources: 1, types: [] },
  nodes: new Map(),
  edges: new Map(),
  selected: null,
};

const edgeID = (e) => `${e.subject}|${e.predicate}|${e.object}`;
// band names the confidence band of an edge, which its line style shows.
const band = (c) => (c >= 0.75 ? 'high' : c >= 0.5 ? 'mid' : 'low');
// names remembers the names of the entities the viewer has met, for facts naming entities not in view.
const names = new Map();
const remember = (nodes) => { for (const n of nodes || []) if (n && n.name) names.set(n.id, n.name); };
// canonical holds the canonical predicates (from the schema); others are open.
let canonical = new Set();
const nodeSize = (articles) => Math.min(78, 26 + 12 * Math.sqrt(Math.max(0, articles - 1)));

const cy = cytoscape({
  container: $('cy'),
  wheelSensitivity: 0.3,
  minZoom: 0.15,
  maxZoom: 3,
  style: [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(name)',
        'font-size': 11,
        'font-weight': 600,
        color: '#1d2433',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'border-color': '#ffffff',
        'border-width': 2,
        'text-max-width': '140px',
        'text-wrap': 'ellipsis',
      },
    },
    { selector: 'node.expanded', style: { 'border-color': '#17203a', 'border-width': 3 } },
    { selector: 'node:selected', style: { 'border-color': '#2f6fde', 'border-width': 4, 'overlay-opacity': 0 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': '#9aa3b2',
        'line-opacity': 'data(opacity)',
        'target-arrow-color': '#9aa3b2',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 9,
        color: '#4a5363',
        'text-rotation': 'autorotate',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-margin-y': -7,
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge.mid', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] } },
    { selector: 'edge.low', style: { 'line-style': 'dotted' } },
    { selector: 'edge.open', style: { 'line-color': '#8e5cc4', 'target-arrow-color': '#8e5cc4', 'font-style': 'italic', color: '#6b4a94' } },
    { selector: 'edge.on-path', style: { 'line-color': '#d9480f', 'target-arrow-color': '#d9480f', 'line-opacity': 1 } },
    { selector: 'node.on-path', style: { 'border-color': '#d9480f', 'border-width': 4 } },
    { selector: 'edge:selected', style: { 'line-color': '#2f6fde', 'target-arrow-color': '#2f6fde', 'line-opacity': 1, color: '#2f6fde' } },
    { selector: '.faded', style: { opacity: 0.25 } },
    { selector: '.time-out', style: { display: 'none' } },
  ],
});
window.newsgraph = { cy, state, src, timeline, names, exports: { toSVG, toGraphML, toNQuads } };

// shapeIcon draws the shape and colour of a type, 14 px, for lists and the type filters.
function shapeIcon(type) {
  const t = typeOf(type);
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('viewBox', '0 0 14 14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'shape');
  const pts = polygon(t.shape, 7, 7, 13, 13);
  let el;
  if (pts) {
    el = document.createElementNS(NS, 'polygon');
    el.setAttribute('points', pts);
  } else if (t.shape === 'ellipse') {
    el = document.createElementNS(NS, 'circle');
    el.setAttribute('cx', '7'); el.setAttribute('cy', '7'); el.setAttribute('r', '6');
  } else {
    el = document.createElementNS(NS, 'rect');
    el.setAttribute('x', '1'); el.setAttribute('y', '2'); el.setAttribute('width', '12'); el.setAttribute('height', '10');
    el.setAttribute('rx', t.shape === 'round-rectangle' ? '3' : '0');
  }
  el.setAttribute('fill', t.color);
  svg.append(el);
  return svg;
}

// ---- status ----------------------------------------------------------------------------------
function status(msg, isError = false) {
  const el = $('status');
  el.textContent = msg || '';
  el.classList.toggle('error', !!isError);
}

// ---- building the view -----------------------------------------------------------------------
async function refresh({ focus, fit } = {}) {
  const nodes = new Map();
  const edges = new Map();
  status('Loading…');
  let results;
  try {
    results = await Promise.all(state.expanded.map((id) => src.neighbourhood(id, state.filters)));
  } catch (err) {
    status(err.message, true);
    return;
  }
  let truncated = false;
  for (const r of results) {
    for (const n of r.nodes) nodes.set(n.id, n);
    for (const e of r.edges) edges.set(edgeID(e), e);
    truncated = truncated || r.truncated;
  }
  for (const [id, n] of state.pinned) nodes.set(id, n);
  for (const [id, e] of state.pinnedEdges) if (nodes.has(e.subject) && nodes.has(e.object)) edges.set(id, e);
  state.nodes = nodes;
  state.edges = edges;
  remember(nodes.values());
  // room for the timeline strip under the graph before it is laid out
  const dated = [...edges.values()].some((e) => e.time);
  const stage = $('cy').parentElement;
  if (stage.classList.contains('has-timeline') !== dated) {
    stage.classList.toggle('has-timeline', dated);
    cy.resize();
  }
  sync(focus, fit);
  status(truncated ? 'Some neighbours were left out: narrow the filters to see them.' : '');
  renderFacts();
  renderTimeline();
  $('empty').hidden = nodes.size > 0;
}

// sync makes the Cytoscape graph show state.nodes and state.edges, placing new nodes next to a
// neighbour already placed, then lays the graph out again.
function sync(focus, fit) {
  const before = new Set(cy.nodes().map((n) => n.id()));
  cy.batch(() => {
    cy.elements().forEach((el) => {
      if (el.isNode() ? !state.nodes.has(el.id()) : !state.edges.has(el.id())) el.remove();
    });
    for (const n of state.nodes.values()) {
      const t = typeOf(n.type);
      const data = { ...n, color: t.color, shape: t.shape, size: nodeSize(n.articles) };
      const el = cy.getElementById(n.id);
      if (el.nonempty()) el.data(data);
      else cy.add({ group: 'nodes', data, position: placeNear(n.id) });
    }
    for (const [id, e] of state.edges) {
      if (cy.getElementById(id).nonempty()) continue;
      cy.add({
        group: 'edges',
        classes: `${band(e.confidence)}${e.open ? ' open' : ''}`,
        data: {
          id, source: e.subject, target: e.object, predicate: e.predicate, relations: e.relations, sources: e.sources,
          confidence: e.confidence, statements: e.statements, label: e.predicate,
          width: Math.min(9, 1.2 + 1.6 * (e.sources.length - 1)), opacity: 0.45 + 0.55 * e.confidence,
          title: `${nameOf(e.subject)} ${e.predicate} ${nameOf(e.object)}`,
        },
      });
    }
    cy.nodes().removeClass('expanded');
    for (const id of state.expanded) cy.getElementById(id).addClass('expanded');
  });
  const added = cy.nodes().filter((n) => !before.has(n.id()));
  if (added.nonempty() || fit) layout(before.size === 0 || fit, focus);
  else if (focus) center(focus);
}

function nameOf(id) {
  const n = state.nodes.get(id);
  return n ? n.name : names.get(id) || id;
}

// placeNear puts a new node on a ring around a neighbour that is already drawn.
function placeNear(id) {
  for (const e of state.edges.values()) {
    const other = e.subject === id ? e.object : e.object === id ? e.subject : null;
    if (!other) continue;
    const el = cy.getElementById(other);
    if (el.nonempty()) {
      const p = el.position();
      const a = Math.random() * 2 * Math.PI;
      return { x: p.x + 110 * Math.cos(a), y: p.y + 110 * Math.sin(a) };
    }
  }
  const ext = cy.extent();
  return { x: (ext.x1 + ext.x2) / 2 + (Math.random() - 0.5) * 60, y: (ext.y1 + ext.y2) / 2 + (Math.random() - 0.5) * 60 };
}

let running = null;
function layout(fresh, focus) {
  if (running) running.stop();
  const n = cy.nodes().length;
  running = cy.layout({
    name: 'cose',
    animate: fresh ? false : 'end',
    animationDuration: 350,
    randomize: fresh,
    fit: true,
    padding: 40,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => (n > 60 ? 70 : 110),
    edgeElasticity: () => 80,
    nodeOverlap: 12,
    gravity: 0.5,
    numIter: 1200,
    componentSpacing: 60,
  });
  running.one('layoutstop', () => {
    running = null;
    if (cy.zoom() > 1.4) {
      cy.zoom(1.4);
      cy.center();
    }
    if (focus) center(focus);
    document.body.dataset.layout = 'done';
  });
  document.body.dataset.layout = 'running';
  running.run();
}

function center(id) {
  const el = cy.getElementById(id);
  if (el.empty()) return;
  cy.nodes().unselect();
  el.select();
}

async function expand(id, { focus = true } = {}) {
  if (!state.expanded.includes(id)) state.expanded.push(id);
  await refresh({ focus: focus ? id : null });
}

async function toggle(id) {
  if (state.expanded.includes(id)) {
    state.expanded = state.expanded.filter((x) => x !== id);
    if (state.expanded.length === 0 && state.nodes.has(id)) state.pinned.set(id, state.nodes.get(id));
    await refresh();
  } else {
    await expand(id, { focus: false });
  }
}

// ---- search ----------------------------------------------------------------------------------
// combobox makes a text input search the entities, with a list of suggestions under it that the
// arrow keys move through; onChoose gets the hit chosen (by click or Enter).
function combobox(input, list, onChoose) {
  let hits = [];
  let active = -1;
  let seq = 0;
  let timer = null;
  const optID = (i) => `${list.id}-${i}`;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); };
  function show(items) {
    hits = items;
    active = items.length ? 0 : -1;
    list.replaceChildren(...items.map((hit, i) => {
      const t = typeOf(hit.type);
      return h('li', {
        id: optID(i), role: 'option', 'aria-selected': i === active ? 'true' : 'false', 'data-id': hit.id,
        onmousedown: (ev) => { ev.preventDefault(); choose(i); },
      },
      shapeIcon(hit.type),
      h('span', {}, hit.name, hit.matched ? h('span', { class: 'sub' }, ` (${hit.matched})`) : null),
      h('span', { class: 'sub' }, `${t.label} · ${hit.articles} article${hit.articles === 1 ? '' : 's'}`));
    }));
    if (!items.length && input.value.trim()) list.replaceChildren(h('li', { role: 'option', 'aria-disabled': 'true', class: 'sub' }, 'No entity matches'));
    const open = !!input.value.trim();
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    input.setAttribute('aria-activedescendant', active >= 0 ? optID(active) : '');
  }
  function move(d) {
    if (!hits.length) return;
    active = (active + d + hits.length) % hits.length;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', i === active ? 'true' : 'false'));
    input.setAttribute('aria-activedescendant', optID(active));
    list.children[active].scrollIntoView({ block: 'nearest' });
  }
  async function choose(i) {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.name;
    close();
    names.set(hit.id, hit.name);
    await onChoose(hit);
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      const mine = ++seq;
      if (!q) { show([]); return; }
      try {
        const items = await src.search(q, 12);
        if (mine === seq) show(items);
      } catch (err) { status(err.message, true); }
    }, 120);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); move(1); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); move(-1); }
    else if (ev.key === 'Enter') { ev.preventDefault(); choose(active); }
    else if (ev.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

combobox($('search'), $('suggestions'), async (hit) => {
  await expand(hit.id);
  showEntity(hit.id);
});

// ---- tooltip ---------------------------------------------------------------------------------
const tip = $('tooltip');
cy.on('mouseover', 'node', (ev) => {
  const d = ev.target.data();
  const t = typeOf(d.type);
  const aliases = (d.aliases || []).slice(0, 5);
  tip.replaceChildren(
    h('div', { class: 't-name' }, d.name),
    h('div', { class: 't-sub' }, `${t.label} · mentioned in ${d.articles} article${d.articles === 1 ? '' : 's'}`),
    aliases.length ? h('div', { class: 't-sub' }, `also: ${aliases.join(', ')}${d.aliases.length > 5 ? '…' : ''}`) : null,
    h('div', { class: 't-sub' }, state.expanded.includes(d.id) ? 'click to collapse' : 'click to expand'),
  );
  placeTip(ev.renderedPosition);
});
cy.on('mouseover', 'edge', (ev) => {
  const d = ev.target.data();
  tip.replaceChildren(
    h('div', { class: 't-name' }, d.title),
    h('div', { class: 't-sub' }, `“${d.relations.join('”, “')}” · ${d.sources.length} source${d.sources.length === 1 ? '' : 's'} · confidence ${d.confidence.toFixed(2)}`),
    h('div', { class: 't-sub' }, 'click for the evidence'),
  );
  placeTip(ev.renderedPosition);
});
cy.on('mouseout', 'node, edge', () => { tip.hidden = true; });
cy.on('pan zoom', () => { tip.hidden = true; });
function placeTip(p) {
  tip.hidden = false;
  const box = $('cy').getBoundingClientRect();
  const x = Math.min(p.x + 14, box.width - tip.offsetWidth - 8);
  const y = p.y + 14 + tip.offsetHeight > box.height ? p.y - tip.offsetHeight - 10 : p.y + 14;
  tip.style.left = `${Math.max(4, x)}px`;
  tip.style.top = `${Math.max(4, y)}px`;
}

cy.on('tap', 'node', (ev) => {
  tip.hidden = true;
  const id = ev.target.id();
  showEntity(id);
  toggle(id);
});
cy.on('tap', 'edge', (ev) => {
  tip.hidden = true;
  const d = ev.target.data();
  showFact(d.source, d.predicate, d.target);
});

// ---- tabs ------------------------------------------------------------------------------------
const tabs = ['details', 'facts', 'paths', 'predicates', 'gizmo'];
function selectTab(name, focus = false) {
  for (const t of tabs) {
    const on = t === name;
    const tab = $(`tab-${t}`);
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    $(`pane-${t}`).hidden = !on;
    if (on && focus) tab.focus();
  }
}
for (const t of tabs) {
  $(`tab-${t}`).addEventListener('click', () => selectTab(t));
  $(`tab-${t}`).addEventListener('keydown', (ev) => {
    const visible = tabs.filter((x) => !$(`tab-${x}`).hidden);
    const i = visible.indexOf(t);
    if (ev.key === 'ArrowRight') selectTab(visible[(i + 1) % visible.length], true);
    if (ev.key === 'ArrowLeft') selectTab(visible[(i - 1 + visible.length) % visible.length], true);
  });
}

// ---- details ---------------------------------------------------------------------------------
function typeBadge(type) {
  const t = typeOf(type);
  return h('span', { class: 'badge', style: `background:${t.color}22;color:${t.color}` }, t.label);
}

// entityButton is the name of an entity that shows it when clicked.
function entityButton(id, name) {
  return h('button', { type: 'button', class: 'link', 'data-entity': id, onclick: () => openEntity(id) }, name || nameOf(id));
}

// openEntity expands an entity in the graph and shows its details.
async function openEntity(id) {
  await expand(id);
  showEntity(id);
}

// predSpan is a predicate as lists show it: open ones apart from canonical ones.
function predSpan(p, open) {
  const isOpen = open === undefined ? canonical.size > 0 && !canonical.has(p) : open;
  return h('span', { class: isOpen ? 'pred open' : 'pred', title: isOpen ? 'open predicate: the words of the text, not a canonical predicate' : null }, p);
}

let entitySeq = 0;
function showEntity(id) {
  const n = state.nodes.get(id) || cy.getElementById(id).data();
  if (!n) return;
  const out = [...state.edges.values()].filter((e) => e.subject === id || e.object === id);
  const pane = $('pane-details');
  const said = h('div', { id: 'entity-statements', class: 'statements', 'data-entity': id }, h('p', { class: 'hint' }, 'Loading what was said…'));
  pane.replaceChildren(
    h('div', { class: 'entity-head' }, h('h3', {}, n.name), typeBadge(n.type)),
    h('dl', { class: 'props' },
      h('dt', {}, 'Id'), h('dd', {}, h('code', {}, n.id)),
      h('dt', {}, 'Articles'), h('dd', {}, String(n.articles)),
      n.aliases && n.aliases.length ? [h('dt', {}, 'Also called'), h('dd', {}, n.aliases.join(', '))] : null),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: () => toggle(id) }, state.expanded.includes(id) ? 'Collapse' : 'Expand'),
      src.canPaths ? h('button', { type: 'button', onclick: () => pathEnd('from', n) }, 'Path from here') : null,
      src.canPaths ? h('button', { type: 'button', onclick: () => pathEnd('to', n) }, 'Path to here') : null),
    said,
    h('h3', { class: 'section' }, `Facts in view (${out.length})`),
    factList(out),
  );
  selectTab('details');
  loadStatements(id, n.name, said, ++entitySeq);
}

// loadStatements fills the statements panel of an entity: what it said, and what was said to or
// about it, each with its evidence and source.
async function loadStatements(id, name, el, seq) {
  let r;
  try {
    r = await src.statements(id);
  } catch (err) {
    if (seq === entitySeq) el.replaceChildren(h('p', { class: 'hint' }, `Could not load the statements: ${err.message}`));
    return;
  }
  if (seq !== entitySeq) return;
  remember(r.nodes);
  const part = (title, cls, sts) => [
    h('h3', { class: 'section' }, `${title} (${sts.length})`),
    sts.length ? h('ul', { class: `evidence ${cls}` }, sts.map((st) => evidenceItem(st, statementHead(st))))
      : h('p', { class: 'hint' }, 'None.'),
  ];
  el.replaceChildren(
    ...part(`Said by ${name}`, 'said-by', r.by),
    ...part(`Said to or about ${name}`, 'said-about', r.about),
    r.truncated ? h('p', { class: 'hint' }, 'The newest are shown; there are more.') : null,
  );
}

// statementHead is what a statement says, in one line: who, the predicate, whom or what.
function statementHead(st) {
  const obj = st.object ? entityButton(st.object) : h('q', { class: 'quote' }, st.literal);
  return h('p', { class: 'statement-head' }, entityButton(st.subject), ' ', predSpan(st.predicate, !!st.open), ' ', obj);
}

function factList(edges) {
  if (!edges.length) return h('p', { class: 'hint' }, 'None with the current filters.');
  return h('ul', { class: 'facts' }, edges.map((e) => h('li', {},
    h('button', { type: 'button', class: 'link', onclick: () => showFact(e.subject, e.predicate, e.object) },
      nameOf(e.subject), ' ', predSpan(e.predicate, !!e.open), ' ', nameOf(e.object)),
    h('div', { class: 'sub' }, confBadge(e.confidence), ` · ${e.sources.length} source${e.sources.length === 1 ? '' : 's'}${e.time ? ` · ${e.time}` : ''}`))));
}

// confBadge shows a confidence as a number, styled by its band.
function confBadge(c) {
  return h('span', { class: `conf-num ${band(c)}`, title: 'extraction confidence' }, `confidence ${c.toFixed(2)}`);
}

// highlight returns the evidence with the relation words marked (st.relation_spans, byte
// offsets; st.relation_start and st.relation_end where there are none).
function highlight(st) {
  const text = st.evidence;
  let spans = st.relation_spans || [];
  if (!spans.length && st.relation_start >= 0 && st.relation_end > st.relation_start) spans = [[st.relation_start, st.relation_end]];
  if (!spans.length) return [text];
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const out = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at || end <= start) continue;
    out.push(dec.decode(bytes.slice(at, start)), h('mark', {}, dec.decode(bytes.slice(start, end))));
    at = end;
  }
  out.push(dec.decode(bytes.slice(at)));
  return out;
}

// evidenceItem is one statement's sentence, with the article's title (a link), outlet and date,
// when it happened, its confidence and flags; head, when given, goes first.
function evidenceItem(st, head) {
  const a = st.article;
  const flags = [];
  if (st.negated) flags.push('negated');
  if (st.modality === 'hypothetical') flags.push('hypothetical');
  if (st.modality === 'reported') flags.push(st.attributed_to ? `reported by ${nameOf(st.attributed_to)}` : 'reported');
  return h('li', {},
    head || null,
    h('blockquote', { class: 'evidence-text' }, highlight(st)),
    h('div', { class: 'source' },
      a.url ? h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, a.title || a.id) : h('strong', {}, a.title || a.id),
      a.source ? h('span', { class: 'outlet' }, a.source) : null,
      a.date ? h('span', { class: 'date' }, a.date) : null,
      st.time && st.time.kind === 'event' && st.time.value
        ? h('span', { class: 'when', title: `when it happened: “${st.time.text}”` }, `${st.time.value} (“${st.time.text}”)`) : null,
      h('span', { class: 'conf', title: 'extraction confidence' }, h('span', { class: `conf-bar ${band(st.confidence)}` }, h('span', { style: `width:${Math.round(st.confidence * 100)}%` })), st.confidence.toFixed(2)),
      h('span', {}, `“${st.relation}”`),
      st.open ? h('span', { class: 'badge open' }, 'open predicate') : null,
      flags.map((fl) => h('span', { class: 'badge warn' }, fl))));
}

async function showFact(s, p, o) {
  selectTab('details');
  const pane = $('pane-details');
  const id = `${s}|${p}|${o}`;
  cy.elements().unselect();
  cy.getElementById(id).select();
  pane.replaceChildren(h('p', { class: 'hint' }, 'Loading evidence…'));
  let f;
  try {
    f = await src.fact(s, p, o);
  } catch (err) {
    pane.replaceChildren(h('p', { class: 'hint' }, `Could not load the evidence: ${err.message}`));
    return;
  }
  remember([f.subject, f.object]);
  const arts = new Set(f.statements.map((st) => st.article.id));
  const open = f.statements.some((st) => st.open);
  pane.replaceChildren(
    h('p', { class: 'fact-title' },
      h('button', { type: 'button', class: 'link', onclick: () => showEntity(s) }, f.subject.name || s), ' ',
      predSpan(f.predicate, open), ' ',
      h('button', { type: 'button', class: 'link', onclick: () => showEntity(o) }, f.object.name || o)),
    h('p', { class: 'meta' }, `${f.statements.length} statement${f.statements.length === 1 ? '' : 's'} in ${arts.size} article${arts.size === 1 ? '' : 's'}`),
    h('ul', { class: 'evidence', 'aria-label': 'Evidence sentences' }, f.statements.map((st) => evidenceItem(st))),
  );
}

function renderFacts() {
  const pane = $('pane-facts');
  const edges = [...state.edges.values()].sort((a, b) => nameOf(a.subject).localeCompare(nameOf(b.subject)) || a.predicate.localeCompare(b.predicate));
  const nodes = [...state.nodes.values()].sort((a, b) => a.name.localeCompare(b.name));
  pane.replaceChildren(
    h('h3', { class: 'section' }, `Facts (${edges.length})`),
    factList(edges),
    h('h3', { class: 'section' }, `Entities (${nodes.length})`),
    nodes.length ? h('ul', { class: 'facts' }, nodes.map((n) => h('li', {},
      h('button', { type: 'button', class: 'link', 'data-entity': n.id, onclick: () => { center(n.id); showEntity(n.id); } }, n.name), ' ',
      typeBadge(n.type), ' ',
      h('button', { type: 'button', 'aria-label': `${state.expanded.includes(n.id) ? 'Collapse' : 'Expand'} ${n.name}`, onclick: () => toggle(n.id) },
        state.expanded.includes(n.id) ? 'Collapse' : 'Expand')))) : h('p', { class: 'hint' }, 'Nothing in view yet.'),
  );
}

// ---- timeline strip --------------------------------------------------------------------------
// The strip under the graph shows the dates of the facts in view (an edge's date is the earliest
// time of its statements), one tick a date, taller for more facts. Its two handles brush a range
// of dates: the facts dated outside it, and the entities left with none (but those expanded), are
// hidden; undated facts are hidden as soon as a range is brushed.
const timeline = { dates: [], from: '', to: '' };

function renderTimeline() {
  const counts = new Map();
  for (const e of state.edges.values()) if (e.time) counts.set(e.time, (counts.get(e.time) || 0) + 1);
  const dates = [...counts.keys()].sort();
  timeline.dates = dates;
  $('timeline').hidden = dates.length === 0;
  if (!dates.length) {
    timeline.from = timeline.to = '';
    applyTimeline();
    return;
  }
  const max = dates.length - 1;
  const lo = timeline.from ? Math.max(0, dates.findIndex((d) => d >= timeline.from)) : 0;
  const hi = timeline.to ? dates.findLastIndex((d) => d <= timeline.to) : max;
  for (const [id, v] of [['tl-from', lo], ['tl-to', hi < 0 ? max : hi]]) {
    $(id).max = String(max);
    $(id).value = String(v);
  }
  $('tl-ticks').replaceChildren(...dates.map((d, i) => h('span', {
    class: 'tl-tick', 'data-date': d, title: `${d}: ${counts.get(d)} fact${counts.get(d) === 1 ? '' : 's'}`,
    style: `left:${max ? (100 * i) / max : 50}%;height:${Math.min(16, 5 + 3 * counts.get(d))}px`,
  })));
  applyTimeline();
}

function applyTimeline() {
  const { from, to } = timeline;
  const brushed = Boolean(from || to);
  const on = (t) => !brushed || Boolean(t && (!from || t >= from) && (!to || t <= to));
  cy.batch(() => {
    cy.edges().forEach((e) => { e.toggleClass('time-out', !on((state.edges.get(e.id()) || {}).time)); });
    cy.nodes().forEach((n) => {
      n.toggleClass('time-out', brushed && !state.expanded.includes(n.id()) && n.connectedEdges().filter((e) => !e.hasClass('time-out')).empty());
    });
  });
  document.querySelectorAll('#tl-ticks .tl-tick').forEach((t) => t.classList.toggle('out', !on(t.dataset.date)));
  const d = timeline.dates;
  $('tl-range').value = d.length ? `${from || d[0]} – ${to || d[d.length - 1]}` : '';
}

function onBrush() {
  let lo = Number($('tl-from').value);
  let hi = Number($('tl-to').value);
  if (lo > hi) [lo, hi] = [hi, lo];
  const d = timeline.dates;
  timeline.from = lo > 0 ? d[lo] : '';
  timeline.to = hi < d.length - 1 ? d[hi] : '';
  applyTimeline();
}
$('tl-from').addEventListener('input', onBrush);
$('tl-to').addEventListener('input', onBrush);
$('tl-all').addEventListener('click', () => {
  timeline.from = timeline.to = '';
  renderTimeline();
});

// ---- filters ---------------------------------------------------------------------------------
function readFilters() {
  const f = state.filters;
  f.hops = Number($('hops').value) || 1;
  f.predicate = $('predicate-filter').value;
  f.article = $('article-filter').value;
  f.minConfidence = Number($('confidence').value) || 0;
  f.minSources = Math.max(1, Number($('min-sources').value) || 1);
  const boxes = [...document.querySelectorAll('#type-filters input')];
  const on = boxes.filter((b) => b.checked).map((b) => b.value);
  f.types = on.length === boxes.length ? [] : on;
  $('confidence-out').textContent = f.minConfidence.toFixed(2);
}
let filterTimer = null;
function onFilter() {
  readFilters();
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => refresh(), 150);
}
for (const id of ['hops', 'predicate-filter', 'article-filter', 'confidence', 'min-sources']) $(id).addEventListener('change', onFilter);
$('confidence').addEventListener('input', () => { $('confidence-out').textContent = Number($('confidence').value).toFixed(2); });

function buildTypeFilters() {
  $('type-filters').replaceChildren(...Object.entries(TYPES).map(([k, t]) => h('label', {},
    h('input', { type: 'checkbox', value: k, checked: true, onchange: onFilter }), shapeIcon(k), t.label)));
}

async function loadMeta() {
  try {
    const [st, arts] = await Promise.all([src.stats(), src.articles()]);
    $('stats').textContent = `${st.entities} entities · ${st.statements} statements · ${st.articles} articles`;
    const preds = Object.keys(st.facts_by_predicate || {}).sort();
    $('predicate-filter').append(...preds.map((p) => h('option', { value: p }, `${p} (${st.facts_by_predicate[p]})`)));
    $('article-filter').append(...arts.map((a) => h('option', { value: a.id }, a.title ? `${a.title}${a.source ? ` — ${a.source}` : ''}` : a.id)));
    renderPredicates(st.facts_by_predicate || {});
  } catch (err) {
    status(`Could not read the store: ${err.message}`, true);
  }
}

// ---- overview --------------------------------------------------------------------------------
// The page opens on an overview (in place of the empty canvas, and again when the view is
// cleared): the most-mentioned entities, and the newest and the best-sourced facts.
async function loadOverview() {
  let ov;
  try {
    ov = await src.overview();
  } catch (err) {
    $('overview').replaceChildren(h('p', { class: 'hint' }, `Could not load the overview: ${err.message}`));
    return;
  }
  remember(ov.entities);
  remember(ov.nodes);
  const factItem = (e, sub) => h('li', {},
    h('button', { type: 'button', class: 'link', 'data-fact': edgeID(e), onclick: () => openFact(e) },
      nameOf(e.subject), ' ', predSpan(e.predicate, !!e.open), ' ', nameOf(e.object)),
    h('div', { class: 'sub' }, sub(e)));
  const srcs = (e) => `${e.sources.length} source${e.sources.length === 1 ? '' : 's'}`;
  $('overview').replaceChildren(
    h('section', { class: 'ov-col', id: 'ov-entities' }, h('h2', {}, 'Most mentioned'),
      h('ul', { class: 'facts' }, ov.entities.map((n) => h('li', {},
        shapeIcon(n.type), ' ', entityButton(n.id, n.name),
        h('span', { class: 'sub' }, ` · ${n.articles} article${n.articles === 1 ? '' : 's'}`))))),
    h('section', { class: 'ov-col', id: 'ov-newest' }, h('h2', {}, 'Newest facts'),
      ov.newest.length ? h('ul', { class: 'facts' }, ov.newest.map((e) => factItem(e, (x) => [x.time, ' · ', srcs(x), ' · ', confBadge(x.confidence)])))
        : h('p', { class: 'hint' }, 'No fact is dated.')),
    h('section', { class: 'ov-col', id: 'ov-sourced' }, h('h2', {}, 'Best sourced'),
      h('ul', { class: 'facts' }, ov.best_sourced.map((e) => factItem(e, (x) => [srcs(x), ' · ', confBadge(x.confidence)])))),
  );
}

// openFact shows a fact's subject in the graph and the fact's evidence.
async function openFact(e) {
  await expand(e.subject);
  showFact(e.subject, e.predicate, e.object);
}

// ---- paths -----------------------------------------------------------------------------------
const pathEnds = { from: null, to: null };

// pathEnd sets one end of the path search (from the entity details' buttons).
function pathEnd(which, n) {
  pathEnds[which] = n;
  $(`path-${which}`).value = n.name;
  selectTab('paths');
}

// The two ends are entity inputs like the search box: #path-from and #path-to.
for (const [which, label, hint] of [['from', 'From', 'An entity…'], ['to', 'To', 'Another entity…']]) {
  const id = `path-${which}`;
  const input = h('input', { id, type: 'search', placeholder: hint, autocomplete: 'off', spellcheck: 'false', role: 'combobox',
    'aria-expanded': 'false', 'aria-controls': `${id}-list`, 'aria-autocomplete': 'list' });
  const list = h('ul', { id: `${id}-list`, class: 'suggestions', role: 'listbox', 'aria-label': 'Matching entities', hidden: true });
  $('path-ends').append(h('div', { class: 'search path-end' }, h('label', { for: id }, label), input, list));
  combobox(input, list, (hit) => { pathEnds[which] = hit; });
  input.addEventListener('input', () => { pathEnds[which] = null; });
}

async function findPaths() {
  const st = $('path-status');
  const out = $('path-result');
  st.classList.remove('error');
  out.replaceChildren();
  const { from, to } = pathEnds;
  if (!from || !to) {
    st.classList.add('error');
    st.textContent = 'Choose the two entities from the suggestions first.';
    return;
  }
  const max = Number($('path-max').value) || 4;
  st.textContent = 'Searching…';
  let r;
  try {
    r = await src.paths(from.id, to.id, max);
  } catch (err) {
    st.classList.add('error');
    st.textContent = err.message;
    return;
  }
  for (const p of r.paths) remember(p.nodes);
  if (!r.paths.length) {
    st.textContent = r.truncated ? `No path found before the search reached its limit.` : `No path of ${max} step${max === 1 ? '' : 's'} or fewer from ${from.name} to ${to.name}.`;
    return;
  }
  st.textContent = `${r.paths.length}${r.truncated ? '+' : ''} shortest path${r.paths.length === 1 ? '' : 's'} of ${r.length} step${r.length === 1 ? '' : 's'}`;
  out.replaceChildren(...r.paths.map((p, i) => h('div', { class: 'path', 'data-path': String(i) },
    h('p', { class: 'path-chain' }, p.nodes.flatMap((n, j) => [j ? h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → ') : null, entityButton(n.id, n.name)])),
    h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'show-path', onclick: () => showPath(p) }, 'Show on graph')),
    h('ol', { class: 'steps' }, p.steps.map((step) => h('li', {}, step.facts.map((f) => h('div', { class: 'step-fact' },
      h('p', { class: 'fact-title' }, nameOf(f.subject), ' ', predSpan(f.predicate, !!f.open), ' ', nameOf(f.object), ' ', confBadge(f.confidence)),
      h('ul', { class: 'evidence' }, f.evidence.map((ev) => evidenceItem(ev)))))))))));
}
$('path-find').addEventListener('click', findPaths);

// showPath draws a path on the graph (its entities and facts pinned) and marks it.
async function showPath(p) {
  for (const n of p.nodes) state.pinned.set(n.id, n);
  for (const step of p.steps) for (const f of step.facts) state.pinnedEdges.set(edgeID(f), f);
  await refresh({ fit: true });
  cy.elements().removeClass('on-path');
  for (const n of p.nodes) cy.getElementById(n.id).addClass('on-path');
  for (const step of p.steps) for (const f of step.facts) cy.getElementById(edgeID(f)).addClass('on-path');
}

// ---- predicates ------------------------------------------------------------------------------
// renderPredicates lists every predicate of the graph with its number of statements, most first;
// clicking one lists its facts over the whole graph.
function renderPredicates(counts) {
  const preds = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : 1));
  $('predicate-list').replaceChildren(...preds.map((p) => h('li', {},
    h('button', { type: 'button', class: 'link', 'data-predicate': p, onclick: () => browsePredicate(p) }, predSpan(p)),
    h('span', { class: 'sub' }, ` ${counts[p]}`))));
}

async function browsePredicate(p) {
  const out = $('predicate-result');
  out.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
  let r;
  try {
    r = await src.predicate(p);
  } catch (err) {
    out.replaceChildren(h('p', { class: 'hint' }, `Could not load the facts: ${err.message}`));
    return;
  }
  remember(r.nodes);
  const show = async () => {
    for (const n of r.nodes) state.pinned.set(n.id, n);
    for (const e of r.edges.slice(0, 200)) state.pinnedEdges.set(edgeID(e), e);
    await refresh({ fit: true });
  };
  out.replaceChildren(
    h('h3', { class: 'section', id: 'predicate-title' }, predSpan(r.predicate, !!r.open),
      ` — ${r.edges.length} fact${r.edges.length === 1 ? '' : 's'} between entities${r.truncated ? ' (the first)' : ''}`),
    r.edges.length ? h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: show }, 'Show all on graph')) : null,
    factList(r.edges),
    r.statements.length ? [h('h3', { class: 'section' }, `Other statements (${r.statements.length})`),
      h('ul', { class: 'evidence' }, r.statements.map((st) => evidenceItem(st, statementHead(st))))] : null,
  );
}

// ---- view buttons and exports ----------------------------------------------------------------
$('fit').addEventListener('click', () => cy.fit(undefined, 40));
$('relayout').addEventListener('click', () => layout(true));
$('clear').addEventListener('click', () => {
  state.expanded = [];
  state.pinned.clear();
  state.pinnedEdges.clear();
  $('pane-details').replaceChildren(h('p', { class: 'hint' }, 'Search for an entity, or start from the overview.'));
  refresh();
});
$('save-png').addEventListener('click', async () => {
  if (cy.elements().empty()) return status('Nothing to save yet.', true);
  download(await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' }), 'newsgraph.png');
});
$('save-svg').addEventListener('click', () => {
  if (cy.elements().empty()) return status('Nothing to save yet.', true);
  download(new Blob([toSVG(cy)], { type: 'image/svg+xml' }), 'newsgraph.svg');
});
$('export-graphml').addEventListener('click', () => download(new Blob([toGraphML(cy)], { type: 'application/xml' }), 'newsgraph.graphml'));
$('export-nquads').addEventListener('click', () => download(new Blob([toNQuads(cy)], { type: 'application/n-quads' }), 'newsgraph.nq'));

// ---- Gizmo console ---------------------------------------------------------------------------
const ENTITY = /^<([a-z]+\/[^>]+)>$/;
const isEntity = (v) => typeof v === 'string' && ENTITY.test(v) && !/^<(article|stmt)\//.test(v);
let gizmoIDs = [];

async function runGizmo() {
  const q = $('gizmo-query').value;
  const st = $('gizmo-status');
  const out = $('gizmo-result');
  st.classList.remove('error');
  st.textContent = 'Running…';
  out.replaceChildren();
  $('gizmo-graph').disabled = true;
  const t0 = performance.now();
  let res;
  try {
    res = await src.query(q);
  } catch (err) {
    st.classList.add('error');
    st.textContent = err.message;
    return;
  }
  st.textContent = `${res.length} result${res.length === 1 ? '' : 's'} in ${Math.round(performance.now() - t0)} ms`;
  const cols = new Set();
  for (const r of res) if (r && typeof r === 'object' && !Array.isArray(r)) Object.keys(r).forEach((k) => cols.add(k));
  const colNames = [...cols].filter((c) => c !== 'id').sort();
  if (cols.has('id')) colNames.unshift('id');
  const ids = new Set();
  const text = (v) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const cell = (v) => {
    if (isEntity(v)) {
      const id = v.match(ENTITY)[1];
      ids.add(id);
      return h('button', { type: 'button', class: 'link', title: 'show in the graph', onclick: () => expand(id) }, v);
    }
    return text(v);
  };
  // Cells keep to one line (long ids would wrap in the narrow panel): the full value is their
  // title, and the table scrolls sideways.
  const td = (v, attrs = {}) => h('td', { ...attrs, title: v === undefined ? null : text(v) }, cell(v));
  const objRows = colNames.length > 0;
  out.replaceChildren(h('table', { id: 'gizmo-table' },
    h('thead', {}, h('tr', {}, objRows ? colNames.map((n) => h('th', { scope: 'col' }, n)) : h('th', { scope: 'col' }, 'result'))),
    h('tbody', {}, res.map((r) => h('tr', {}, objRows && r && typeof r === 'object'
      ? colNames.map((n) => td(r[n]))
      : td(r, { colspan: Math.max(1, colNames.length) }))))));
  gizmoIDs = [...ids].slice(0, 60);
  $('gizmo-graph').disabled = gizmoIDs.length === 0;
}

async function gizmoAsGraph() {
  status('Loading the entities of the results…');
  const want = new Set(gizmoIDs);
  state.expanded = [];
  state.pinned.clear();
  state.pinnedEdges.clear();
  const f = { ...state.filters, hops: 1 };
  for (let i = 0; i < gizmoIDs.length; i += 6) {
    const batch = await Promise.all(gizmoIDs.slice(i, i + 6).map((id) => src.neighbourhood(id, f).catch(() => null)));
    for (const r of batch) {
      if (!r) continue;
      for (const n of r.nodes) if (want.has(n.id)) state.pinned.set(n.id, n);
      for (const e of r.edges) if (want.has(e.subject) && want.has(e.object)) state.pinnedEdges.set(edgeID(e), e);
    }
  }
  cy.elements().remove();
  await refresh({ fit: true });
}

if (src.canQuery) {
  $('gizmo-run').addEventListener('click', runGizmo);
  $('gizmo-graph').addEventListener('click', gizmoAsGraph);
  $('gizmo-query').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runGizmo(); }
  });
} else {
  $('tab-gizmo').hidden = true;
  $('pane-gizmo').hidden = true;
}

// ---- start ---------------------------------------------------------------------------------
if (!src.canPaths) {
  $('tab-paths').hidden = true;
  $('pane-paths').hidden = true;
}

// The entity types and canonical predicates come from the server (or the page's data) first:
// everything drawn depends on them.
async function start() {
  try {
    const sc = await src.schema();
    setTypes(sc.types);
    canonical = new Set(sc.predicates.map((p) => p.name));
  } catch (err) {
    status(`Could not read the vocabulary: ${err.message}`, true);
  }
  buildTypeFilters();
  readFilters();
  renderFacts();
  await Promise.all([loadMeta(), loadOverview()]);
  document.body.dataset.ready = 'true';
}
start();
if (inlineData && inlineData.title) document.title = inlineData.title;

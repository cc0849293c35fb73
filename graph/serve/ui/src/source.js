// Data sources of the viewer: the HTTP API of `newsgraph serve`, or the data inlined in a
// standalone HTML export. Both answer the same calls with the same shapes.

// fold lower-cases, removes accents and turns punctuation runs into one space (like graph.Fold).
export function fold(s) {
  return String(s).normalize('NFKD').replace(/\p{Mn}/gu, '').replace(/['’.]/g, '')
    .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function entityPath(id) {
  return id.split('/').map(encodeURIComponent).join('/');
}

// ApiSource reads from the server's JSON API.
export class ApiSource {
  constructor(base = '') {
    this.base = base;
    this.canQuery = true;
    this.canPaths = true;
  }

  async get(path) {
    const r = await fetch(this.base + path, { headers: { Accept: 'application/json' } });
    let body;
    try { body = await r.json(); } catch { body = { error: `HTTP ${r.status}` }; }
    if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
    return body;
  }

  async search(q, limit = 12) {
    const j = await this.get(`api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`);
    return j.results;
  }

  neighbourhood(id, f) {
    const p = new URLSearchParams({ hops: String(f.hops || 1) });
    if (f.predicate) p.set('predicate', f.predicate);
    if (f.types && f.types.length) p.set('type', f.types.join(','));
    if (f.article) p.set('article', f.article);
    if (f.minConfidence > 0) p.set('min_confidence', String(f.minConfidence));
    if (f.minSources > 1) p.set('min_sources', String(f.minSources));
    return this.get(`api/v1/entity/${entityPath(id)}/neighbourhood?${p}`);
  }

  fact(s, p, o) {
    const q = new URLSearchParams({ s, p, o });
    return this.get(`api/v1/fact?${q}`);
  }

  stats() { return this.get('api/v1/stats'); }

  async articles() { return (await this.get('api/v1/articles')).articles; }

  schema() { return this.get('api/v1/schema'); }

  overview() { return this.get('api/v1/overview'); }

  statements(id) { return this.get(`api/v1/entity/${entityPath(id)}/statements`); }

  paths(from, to, max = 4) {
    return this.get(`api/v1/paths?${new URLSearchParams({ from, to, max: String(max) })}`);
  }

  predicate(name) { return this.get(`api/v1/predicate?${new URLSearchParams({ name })}`); }

  async query(text) {
    const r = await fetch(this.base + 'api/v1/query/gizmo', {
      method: 'POST', body: text, headers: { 'Content-Type': 'text/plain; charset=utf-8', Accept: 'application/json' },
    });
    let body;
    try { body = await r.json(); } catch { body = { error: `HTTP ${r.status}` }; }
    if (body.error) throw new Error(body.error);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return body.result || [];
  }
}

const key = (s, p, o) => `${s}\u0000${p}\u0000${o}`;

// newestFirst orders statements as graph.SortNewestFirst: by the start of their time, newest
// first and undated last, then by article, sentence and id.
function newestFirst(a, b) {
  const t = (st) => (st.time && st.time.value ? st.time.value.split('/')[0].replace('..', '') : '');
  const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(t(b), t(a)) || cmp(a.article.id, b.article.id) || a.sentence - b.sentence || cmp(a.id, b.id);
}

// InlineSource answers from the data of a standalone export (serve.StandaloneData).
export class InlineSource {
  constructor(data) {
    this.data = data;
    this.canQuery = false;
    this.canPaths = false;
    this.speech = new Set(data.schema.predicates.filter((p) => p.speech).map((p) => p.name));
    this.nodes = new Map(data.graph.nodes.map((n) => [n.id, n]));
    this.byFact = new Map();
    for (const st of data.statements) {
      const k = key(st.subject, st.predicate, st.object);
      if (!this.byFact.has(k)) this.byFact.set(k, []);
      this.byFact.get(k).push(st);
    }
    this.folded = data.graph.nodes.map((n) => ({ n, name: fold(n.name), aliases: (n.aliases || []).map((a) => [a, fold(a)]) }));
    this.edgeCache = new Map();
  }

  async search(q, limit = 12) {
    const want = fold(q);
    if (!want) return [];
    const rank = (text) => {
      if (text.startsWith(want)) return 0;
      return text.split(' ').slice(1).some((w, i, ws) => ws.slice(i).join(' ').startsWith(want)) ? 1 : -1;
    };
    const hits = [];
    for (const f of this.folded) {
      let r = rank(f.name);
      let matched = '';
      if (r < 0) {
        for (const [a, fa] of f.aliases) {
          const ra = rank(fa);
          if (ra >= 0 && (r < 0 || ra + 2 < r)) { r = ra + 2; matched = a; }
        }
      }
      if (r >= 0) hits.push({ r, hit: { id: f.n.id, name: f.n.name, type: f.n.type, articles: f.n.articles, ...(matched ? { matched } : {}) } });
    }
    hits.sort((a, b) => a.r - b.r || b.hit.articles - a.hit.articles || (a.hit.name < b.hit.name ? -1 : a.hit.name > b.hit.name ? 1 : 0) || (a.hit.id < b.hit.id ? -1 : 1));
    return hits.slice(0, limit).map((h) => h.hit);
  }

  // edges merges the asserted statements that pass the predicate and article filters.
  edges(f) {
    const ck = `${f.predicate || ''}\u0000${f.article || ''}`;
    if (this.edgeCache.has(ck)) return this.edgeCache.get(ck);
    const m = new Map();
    for (const st of this.data.statements) {
      if (st.negated || st.modality || !st.object || st.subject === st.object) continue;
      if (f.predicate && st.predicate !== f.predicate) continue;
      if (f.article && st.article.id !== f.article) continue;
      if (!this.nodes.has(st.subject) || !this.nodes.has(st.object)) continue;
      const k = key(st.subject, st.predicate, st.object);
      let e = m.get(k);
      if (!e) {
        e = { subject: st.subject, predicate: st.predicate, object: st.object, relations: new Set(), sources: new Set(), confidence: 0, statements: 0 };
        m.set(k, e);
      }
      e.statements++;
      if (st.open) e.open = true;
      e.confidence = Math.max(e.confidence, st.confidence);
      e.sources.add(st.article.id);
      if (st.relation) e.relations.add(st.relation);
    }
    const adj = new Map();
    for (const e of m.values()) {
      e.relations = [...e.relations].sort();
      e.sources = [...e.sources].sort();
      for (const id of [e.subject, e.object]) {
        if (!adj.has(id)) adj.set(id, []);
        adj.get(id).push(e);
      }
    }
    const out = { all: [...m.values()], adj };
    this.edgeCache.set(ck, out);
    return out;
  }

  async neighbourhood(id, f) {
    const center = this.nodes.get(id);
    if (!center) throw new Error(`entity ${id}: not in the graph`);
    const { adj } = this.edges(f);
    const types = new Set(f.types || []);
    const pass = (e) => e.confidence >= (f.minConfidence || 0) && e.sources.length >= (f.minSources || 0);
    const nodes = new Map([[id, center]]);
    const edges = new Map();
    let frontier = [id];
    for (let hop = 0; hop < (f.hops || 1) && frontier.length; hop++) {
      const next = [];
      for (const n of frontier) {
        for (const e of adj.get(n) || []) {
          if (!pass(e)) continue;
          edges.set(key(e.subject, e.predicate, e.object), e);
          for (const other of [e.subject, e.object]) {
            if (nodes.has(other)) continue;
            const node = this.nodes.get(other);
            if (!node || (types.size && !types.has(node.type))) continue;
            nodes.set(other, node);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    return {
      center: id,
      nodes: [...nodes.values()],
      edges: [...edges.values()].filter((e) => nodes.has(e.subject) && nodes.has(e.object)),
    };
  }

  async fact(s, p, o) {
    const sts = this.byFact.get(key(s, p, o));
    if (!sts) throw new Error('no such fact in this export');
    const node = (id) => this.nodes.get(id) || { id, name: id, type: 'OTHER', aliases: [], articles: 0 };
    return { subject: node(s), predicate: p, object: node(o), statements: sts };
  }

  async stats() { return this.data.stats; }

  async articles() { return this.data.articles; }

  async schema() { return this.data.schema; }

  async overview() { return this.data.overview; }

  // isEdge is graph.Statement.IsEdge: an asserted fact between two entities, no speech act.
  isEdge(st) {
    return !st.negated && !st.modality && !!st.object && st.object !== st.subject && !this.speech.has(st.predicate);
  }

  // statements answers as graph.EntityStatements does, from the inlined statements.
  async statements(id) {
    if (!this.nodes.has(id)) throw new Error(`entity ${id}: not in the graph`);
    const by = [];
    const about = [];
    for (const st of this.data.statements) {
      if (this.isEdge(st) || (st.subject !== id && st.object !== id && st.attributed_to !== id)) continue;
      if (st.attributed_to === id || (st.subject === id && !st.attributed_to)) by.push(st);
      else about.push(st);
    }
    const ids = new Set([...by, ...about].flatMap((st) => [st.subject, st.object, st.attributed_to]).filter(Boolean));
    const nodes = [...ids].sort().map((n) => this.nodes.get(n)).filter(Boolean);
    return { entity: id, by: by.sort(newestFirst), about: about.sort(newestFirst), nodes };
  }

  // predicate answers as graph.FactsWithPredicate does, from the inlined graph and statements.
  async predicate(name) {
    const edges = this.edges({ predicate: name }).all.slice()
      .sort((a, b) => b.sources.length - a.sources.length || b.confidence - a.confidence);
    const ids = new Set(edges.flatMap((e) => [e.subject, e.object]));
    const statements = this.data.statements.filter((st) => st.predicate === name && (st.negated || st.modality || !st.object || st.object === st.subject));
    const canonical = this.data.schema.predicates.some((p) => p.name === name);
    return {
      predicate: name, open: !canonical, edges,
      nodes: [...ids].sort().map((id) => this.nodes.get(id)).filter(Boolean),
      statements: statements.sort(newestFirst),
    };
  }

  async paths() { throw new Error('paths need `newsgraph serve`'); }

  async query() { throw new Error('the Gizmo console needs `newsgraph serve`'); }
}

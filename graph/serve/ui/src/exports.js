// Saving the view: SVG drawn from the laid-out graph, GraphML and N-Quads of the visible subgraph.
import { typeOf } from './types.js';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// download saves a Blob under a file name.
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 2000);
}

// polygon returns the SVG points of a node shape centred on x, y (null for ellipses and rectangles).
export function polygon(shape, x, y, w, h) {
  const pts = [];
  const ngon = (n, rot) => {
    for (let i = 0; i < n; i++) {
      const a = rot + (2 * Math.PI * i) / n;
      pts.push([x + (w / 2) * Math.cos(a), y + (h / 2) * Math.sin(a)]);
    }
  };
  switch (shape) {
    case 'triangle': ngon(3, -Math.PI / 2); break;
    case 'pentagon': ngon(5, -Math.PI / 2); break;
    case 'hexagon': ngon(6, 0); break;
    case 'diamond': ngon(4, -Math.PI / 2); break;
    case 'star':
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (Math.PI * i) / 5;
        const r = i % 2 ? 0.4 : 1;
        pts.push([x + (w / 2) * r * Math.cos(a), y + (h / 2) * r * Math.sin(a)]);
      }
      break;
    default: return null;
  }
  return pts.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' ');
}

// toSVG draws the graph as it is laid out now.
export function toSVG(cy) {
  const bb = cy.elements().boundingBox({ includeLabels: true });
  const pad = 24;
  const x0 = bb.x1 - pad;
  const y0 = bb.y1 - pad;
  const w = Math.max(1, bb.w + 2 * pad);
  const h = Math.max(1, bb.h + 2 * pad);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0.toFixed(1)} ${y0.toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}" width="${Math.round(w)}" height="${Math.round(h)}" font-family="system-ui, 'DejaVu Sans', sans-serif">`,
    `<rect x="${x0.toFixed(1)}" y="${y0.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="#ffffff"/>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><path d="M0,0 L10,5 L0,10 z" fill="#8a94a6"/></marker></defs>',
  ];
  cy.edges(':visible').forEach((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const cps = e.controlPoints();
    let d = `M${s.x.toFixed(1)},${s.y.toFixed(1)} `;
    if (cps && cps.length) {
      d += `Q${cps[0].x.toFixed(1)},${cps[0].y.toFixed(1)} ${t.x.toFixed(1)},${t.y.toFixed(1)}`;
    } else {
      d += `L${t.x.toFixed(1)},${t.y.toFixed(1)}`;
    }
    const width = parseFloat(e.style('width')) || 1;
    const op = parseFloat(e.style('line-opacity')) || 1;
    out.push(`<path d="${d}" fill="none" stroke="${e.style('line-color')}" stroke-opacity="${op.toFixed(2)}" stroke-width="${width.toFixed(1)}" marker-end="url(#arrow)"><title>${esc(e.data('title'))}</title></path>`);
    const m = e.midpoint();
    out.push(`<text x="${m.x.toFixed(1)}" y="${m.y.toFixed(1)}" font-size="9" fill="#4a5363" text-anchor="middle" dominant-baseline="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(e.data('label'))}</text>`);
  });
  cy.nodes(':visible').forEach((n) => {
    const p = n.position();
    const nw = n.width();
    const nh = n.height();
    const t = typeOf(n.data('type'));
    const common = `fill="${t.color}" stroke="#ffffff" stroke-width="2"`;
    const poly = polygon(t.shape, p.x, p.y, nw, nh);
    if (poly) out.push(`<polygon points="${poly}" ${common}/>`);
    else if (t.shape === 'ellipse') out.push(`<ellipse cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" rx="${(nw / 2).toFixed(1)}" ry="${(nh / 2).toFixed(1)}" ${common}/>`);
    else out.push(`<rect x="${(p.x - nw / 2).toFixed(1)}" y="${(p.y - nh / 2).toFixed(1)}" width="${nw.toFixed(1)}" height="${nh.toFixed(1)}" rx="${t.shape === 'round-rectangle' ? 6 : 0}" ${common}/>`);
    out.push(`<text x="${p.x.toFixed(1)}" y="${(p.y + nh / 2 + 13).toFixed(1)}" font-size="11" font-weight="600" fill="#1d2433" text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(n.data('name'))}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

// toGraphML writes the visible nodes and edges as GraphML (Gephi, yEd, Cytoscape desktop).
export function toGraphML(cy) {
  const keys = [
    ['name', 'node', 'string'], ['type', 'node', 'string'], ['articles', 'node', 'int'], ['aliases', 'node', 'string'],
    ['predicate', 'edge', 'string'], ['relations', 'edge', 'string'], ['sources', 'edge', 'string'],
    ['confidence', 'edge', 'double'], ['statements', 'edge', 'int'],
  ];
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  for (const [id, dom, type] of keys) out.push(`  <key id="${id}" for="${dom}" attr.name="${id}" attr.type="${type}"/>`);
  out.push('  <graph id="newsgraph" edgedefault="directed">');
  const data = (k, v) => `      <data key="${k}">${esc(v)}</data>`;
  cy.nodes(':visible').sort((a, b) => (a.id() < b.id() ? -1 : 1)).forEach((n) => {
    const d = n.data();
    out.push(`    <node id="${esc(d.id)}">`, data('name', d.name), data('type', d.type), data('articles', d.articles), data('aliases', (d.aliases || []).join('; ')), '    </node>');
  });
  cy.edges(':visible').sort((a, b) => (a.id() < b.id() ? -1 : 1)).forEach((e, i) => {
    const d = e.data();
    out.push(`    <edge id="e${i}" source="${esc(d.source)}" target="${esc(d.target)}">`, data('predicate', d.predicate),
      data('relations', d.relations.join('; ')), data('sources', d.sources.join('; ')), data('confidence', d.confidence),
      data('statements', d.statements), '    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

const BASE = 'urn:newsgraph:';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const SCHEMA = 'http://schema.org/';
const lit = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
const iri = (s) => `<${String(s).replace(/[\u0000-\u0020<>"{}|\\^`]/g, (c) => encodeURIComponent(c))}>`;

// toNQuads writes the visible subgraph in the vocabulary of `newsgraph export --format nquads`:
// schema.org types and names, one triple per fact, each in the graph of its first source article.
export function toNQuads(cy) {
  const lines = [];
  cy.nodes(':visible').forEach((n) => {
    const d = n.data();
    const s = iri(BASE + d.id);
    lines.push(`${s} ${iri(RDF_TYPE)} ${iri(SCHEMA + typeOf(d.type).cls)} .`);
    lines.push(`${s} ${iri(SCHEMA + 'name')} ${lit(d.name)} .`);
    for (const a of d.aliases || []) lines.push(`${s} ${iri(SCHEMA + 'alternateName')} ${lit(a)} .`);
  });
  cy.edges(':visible').forEach((e) => {
    const d = e.data();
    const p = iri(BASE + d.predicate.replace(/ /g, '_'));
    for (const src of d.sources) {
      lines.push(`${iri(BASE + d.source)} ${p} ${iri(BASE + d.target)} ${iri(BASE + 'article/' + src)} .`);
    }
  });
  lines.sort();
  return lines.filter((l, i) => i === 0 || l !== lines[i - 1]).join('\n') + '\n';
}

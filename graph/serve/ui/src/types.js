// Entity types as the viewer draws them. The types themselves (label, name, schema.org class)
// come from the server (GET /api/v1/schema, or the data of a standalone page) in package
// schema's fixed order; this file only gives each position a colour (Tableau 10, readable on
// white) and a node shape. setTypes must run before anything is drawn.
const STYLES = [
  { color: '#4e79a7', shape: 'ellipse' },
  { color: '#f28e2b', shape: 'round-rectangle' },
  { color: '#59a14f', shape: 'hexagon' },
  { color: '#76b7b2', shape: 'triangle' },
  { color: '#b8a22a', shape: 'pentagon' },
  { color: '#e15759', shape: 'star' },
  { color: '#b07aa1', shape: 'rectangle' },
  { color: '#d37295', shape: 'diamond' },
];
const LAST = { color: '#8c8c8c', shape: 'ellipse' };

// TYPES maps a type label (PERSON, ORG...) to { label, cls, color, shape }, in the server's order.
export const TYPES = {};
let fallback = { label: 'Other', cls: 'Thing', ...LAST };

// setTypes fills TYPES from the server's types ([{label, name, class}]); the last is what an
// unknown label is drawn as.
export function setTypes(types) {
  for (const k of Object.keys(TYPES)) delete TYPES[k];
  types.forEach((t, i) => {
    const style = i === types.length - 1 ? LAST : STYLES[i % STYLES.length];
    TYPES[t.label] = { label: t.name || t.label, cls: t.class, ...style };
  });
  if (types.length) fallback = TYPES[types[types.length - 1].label];
}

export const typeOf = (t) => TYPES[t] || fallback;

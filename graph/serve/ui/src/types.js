// Entity types as the viewer draws them: colour (Tableau 10, readable on white), node shape, and
// the schema.org class (as in package schema).
export const TYPES = {
  PERSON: { label: 'Person', cls: 'Person', color: '#4e79a7', shape: 'ellipse' },
  ORG: { label: 'Organisation', cls: 'Organization', color: '#f28e2b', shape: 'round-rectangle' },
  GPE: { label: 'Country / city', cls: 'AdministrativeArea', color: '#59a14f', shape: 'hexagon' },
  LOC: { label: 'Place', cls: 'Place', color: '#76b7b2', shape: 'triangle' },
  NORP: { label: 'Group', cls: 'Audience', color: '#b8a22a', shape: 'pentagon' },
  EVENT: { label: 'Event', cls: 'Event', color: '#e15759', shape: 'star' },
  WORK: { label: 'Work', cls: 'CreativeWork', color: '#b07aa1', shape: 'rectangle' },
  PRODUCT: { label: 'Product', cls: 'Product', color: '#d37295', shape: 'diamond' },
  OTHER: { label: 'Other', cls: 'Thing', color: '#8c8c8c', shape: 'ellipse' },
};

export const typeOf = (t) => TYPES[t] || TYPES.OTHER;

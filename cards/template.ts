import { Template } from 'adaptivecards-templating';

import type { CardJson } from './card-json';

// Templates are JSON files next to this module; the data bound to them is already escaped or
// placed in TextRuns, and the templating engine does not re-evaluate `${…}` inside data values.

// Parsing a template's `${…}` expressions is most of a card's cost; one prepared Template per template
// object can expand any number of times (the library's documented use).
const prepared = new WeakMap<object, Template>();

function templateFor(template: object): Template {
  let t = prepared.get(template);
  if (!t) {
    t = new Template(template);
    prepared.set(template, t);
  }
  return t;
}

/** Expand one template with its data and return plain JSON (the expansion is a fresh object). */
export function expandTemplate<T = CardJson>(template: object, data: object): T {
  return templateFor(template).expand({ $root: data }) as T;
}

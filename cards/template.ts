import { Template } from 'adaptivecards-templating';
import type { CardJson } from './card-json';

// Templates are JSON files next to this module; the data bound to them is already escaped or
// placed in TextRuns, and the templating engine does not re-evaluate `${…}` inside data values.

/** Expand one template with its data and return plain JSON (a deep copy). */
export function expandTemplate<T = CardJson>(template: object, data: object): T {
  const expanded: unknown = new Template(template).expand({ $root: data });
  return JSON.parse(JSON.stringify(expanded)) as T;
}

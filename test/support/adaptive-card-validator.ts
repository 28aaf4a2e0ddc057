// Validates card JSON with the adaptivecards SDK at schema version 1.5, the version Teams renders. The package's
// lib/ build does not load in Node; its dist bundle does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, ctx: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
};

/** Every parse and validation message the SDK reports for a card (empty = valid at 1.5). */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i += 1) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const version = (json as { version?: string }).version;
  if (version !== '1.5') problems.push(`version is ${String(version)}, expected 1.5`);
  walk(json, (node) => {
    if (node.type === 'TextBlock' && node.wrap !== true)
      problems.push(`TextBlock without wrap: ${String(node.text).slice(0, 40)}`);
    if (node.type === 'CodeBlock') problems.push('CodeBlock does not render on Teams mobile');
  });
  return problems;
}

/** Visit every object in a JSON tree. */
export function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

/** Elements of a given type anywhere in the card. */
export function elementsOfType(card: unknown, type: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  walk(card, (n) => {
    if (n.type === type) found.push(n);
  });
  return found;
}

/** Text that a Teams client renders as markdown: TextBlock text and FactSet titles and values. */
export function markdownRenderedTexts(card: unknown): string[] {
  const texts: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(n.text);
    if (n.type === 'FactSet' && Array.isArray(n.facts)) {
      for (const f of n.facts as Array<{ title: string; value: string }>) texts.push(f.title, f.value);
    }
  });
  return texts;
}

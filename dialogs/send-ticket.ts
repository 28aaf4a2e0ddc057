import type { TurnContext } from 'botbuilder';

import type { Facts } from '../engine/facts';
import { ticketText } from '../engine/report/ticket';
import type { DiagnosisEngine } from './engine-port';
import { ticketIntro } from './replies';

/** One message stays well under Teams' activity limit (28 KB as UTF-16). */
const MAX_MESSAGE_CHARS = 12_000;

/** "Copy for a ticket": the verdict as a summary in a code block (easy to copy), redacted on request. */
export async function sendTicket(
  context: TurnContext,
  engine: DiagnosisEngine,
  facts: Facts,
  redact: boolean,
): Promise<void> {
  const text = ticketText(engine.diagnose(facts), { time: new Date(), redact, codeFences: false });
  const parts: string[] = [];
  for (const section of text.split(/\n(?=## )/)) {
    const last = parts.length - 1;
    if (last >= 0 && parts[last].length + section.length < MAX_MESSAGE_CHARS) parts[last] += `\n${section}`;
    else parts.push(section.slice(0, MAX_MESSAGE_CHARS));
  }
  await context.sendActivity(ticketIntro(redact));
  for (const part of parts)
    await context.sendActivity({
      type: 'message',
      text: `\`\`\`\n${part.replace(/```/g, "'''").trimEnd()}\n\`\`\``,
      textFormat: 'markdown',
    });
}

import template from './templates/welcome.json';
import type { CardJson } from './card-json';
import { expandTemplate } from './template';

/** What the welcome card says one can paste, and the command that produces it. */
export const PASTE_SOURCES: ReadonlyArray<{ what: string; how: string }> = [
  { what: 'The non-delivery report: the whole text under "Diagnostic information for administrators" (or the message source).', how: 'Outlook: open the NDR, copy everything' },
  { what: 'A queue error from the Exchange Management Shell.', how: 'Get-Queue | Format-List Identity,LastError' },
  { what: 'Your Internet Send connector (on-premises Exchange Management Shell).', how: 'Get-SendConnector | Format-List' },
  { what: 'Your inbound connectors and accepted domains (Exchange Online PowerShell).', how: 'Get-InboundConnector | Format-List\nGet-AcceptedDomain | Format-List' },
];

/** The card sent when the bot is installed or first added to a conversation. */
export function buildWelcomeCard(): CardJson {
  return expandTemplate(template, {
    title: 'Relay Doctor',
    intro:
      'I diagnose "Relay Access Denied" bounces (550 5.7.64, ATTR36, #550 5.4.1 and friends) from on-premises ' +
      'Exchange sending through Exchange Online Protection. Paste the bounce and I will tell you which connector ' +
      'or certificate setting is wrong, ask only what I still need, and give you the fix with PowerShell.',
    pastes: PASTE_SOURCES,
    commands: 'Say "help" at any time, "show fix" for the fix so far, "cancel" to stop or "restart" to start over. ' +
      'If a report is too long for one message, send it in parts and say "done" at the end.',
  });
}

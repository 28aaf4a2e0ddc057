// Teams-shaped message activities as the Bot Connector would POST them, with fresh ids every time so
// the duplicate-drop middleware never discards a benchmark turn.

interface ActivityOptions {
  serviceUrl: string;
  conversationId: string;
  activityId: string;
  text: string;
}

function messageActivity(o: ActivityOptions): Record<string, unknown> {
  return {
    type: 'message',
    id: o.activityId,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    from: { id: 'bench-user', name: 'Bench User', aadObjectId: '00000000-0000-0000-0000-00000000b001' },
    recipient: { id: 'bench-bot', name: 'Relay Doctor' },
    conversation: { id: o.conversationId, conversationType: 'personal', tenantId: 'bench-tenant' },
    channelData: { tenant: { id: 'bench-tenant' } },
    locale: 'en-US',
    textFormat: 'plain',
    text: o.text,
  };
}

/** Bodies for a stream of turns: turn n goes to conversation `n % pool` (unique when pool is Infinity). */
export function turnBodies(serviceUrl: string, text: string, pool: number, prefix: string): (n: number) => string {
  const textJson = JSON.stringify(text);
  // The paste is the bulk of the body: serialize it once and splice it in.
  return (n: number) => {
    const conversationId = `${prefix}-conv-${Number.isFinite(pool) ? n % pool : n}`;
    const body = JSON.stringify(
      messageActivity({ serviceUrl, conversationId, activityId: `${prefix}-act-${n}`, text: '\u0000' }),
    );
    return body.replace('"\\u0000"', textJson);
  };
}

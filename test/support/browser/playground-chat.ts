import type { BrowserContext, Locator, Page, WebSocket } from 'playwright-core';

// Drives the Agents Playground's chat like a person (paste, click, type) and reads what the bot sent
// from the Playground's own websocket (the card JSON), so tests can assert on ids and data.

type CardAction = { type?: string; title?: string; data?: Record<string, unknown> };
export type CardJsonLike = { body?: unknown[]; actions?: CardAction[] };

export type BotMessage = { messageId: string; cards: CardJsonLike[]; text?: string; updates: number };

export type VerdictSummary = { family: string; causes: string[]; statuses: string[] };

// The callbacks given to page.evaluate run in the browser; the project compiles without the DOM lib,
// so they reach the browser's globals through this narrow type.
type BrowserGlobals = {
  document: {
    querySelector(sel: string): { textContent: string | null } | null;
    querySelectorAll(sel: string): { length: number };
  };
  DataTransfer: new () => { setData(type: string, data: string): void };
  ClipboardEvent: new (type: string, init: Record<string, unknown>) => unknown;
};

export const MESSAGE_BOX = '[role=textbox][data-lexical-editor=true]';
export const CARD = '.ac-adaptiveCard';

/** Every object in a JSON tree. */
function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

export function submitActions(card: CardJsonLike): CardAction[] {
  const found: CardAction[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Submit' || n.type === 'Action.Execute') found.push(n as CardAction);
  });
  return found;
}

/** The question a card asks: its id, input kind and choices, read from its JSON. */
export function questionOf(
  card: CardJsonLike,
): { id: string; submitTitle: string; choices?: Array<{ title: string; value: string }> } | undefined {
  const action = submitActions(card).find((a) => a.data?.verb === 'answer' && typeof a.data.questionId === 'string');
  if (!action) return undefined;
  let choices: Array<{ title: string; value: string }> | undefined;
  walk(card, (n) => {
    if (n.type === 'Input.ChoiceSet') choices = n.choices as typeof choices;
  });
  return { id: String(action.data?.questionId), submitTitle: String(action.title), choices };
}

/** The verdict summary the last verdict card carries in its action data (family and cause ids). */
export function verdictOf(card: CardJsonLike): VerdictSummary | undefined {
  const data = submitActions(card)
    .map((a) => a.data)
    .find((d) => d && typeof d.family === 'string' && Array.isArray(d.causes));
  return data
    ? { family: String(data.family), causes: data.causes as string[], statuses: data.statuses as string[] }
    : undefined;
}

/** Monospace text runs (PowerShell) of a card. */
export function monospaceRuns(card: CardJsonLike): string[] {
  const runs: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextRun' && n.fontType === 'Monospace' && typeof n.text === 'string') runs.push(n.text);
  });
  return runs;
}

export class PlaygroundChat {
  /** Bot messages in the order they were created; updates replace the cards in place. */
  readonly messages: BotMessage[] = [];
  /** What the browser itself sent as user messages (to see what the Playground made of a paste). */
  readonly sentTexts: string[] = [];

  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, url: string): Promise<PlaygroundChat> {
    const page = await context.newPage();
    const chat = new PlaygroundChat(page);
    page.on('websocket', (ws) => chat.listen(ws));
    page.on('request', (req) => {
      if (req.method() !== 'POST' || !/\/conversations\/[^/]+\/messages$/.test(new URL(req.url()).pathname)) return;
      try {
        const body = JSON.parse(req.postData() ?? '{}') as { text?: string };
        if (typeof body.text === 'string') chat.sentTexts.push(body.text);
      } catch {
        // not JSON: not a chat message
      }
    });
    // The Playground's page is a 5 MB bundle: on a busy machine its load event takes longer than 30 s.
    await page.goto(url, { timeout: 120_000 });
    await page.locator(MESSAGE_BOX).waitFor({ timeout: 60_000 });
    return chat;
  }

  private listen(ws: WebSocket): void {
    ws.on('framereceived', ({ payload }) => {
      let frame: {
        action?: string;
        message?: {
          messageId?: string;
          text?: string;
          attachments?: Array<{ contentType?: string; content?: CardJsonLike }>;
        };
      };
      try {
        frame = JSON.parse(String(payload)) as typeof frame;
      } catch {
        return;
      }
      const m = frame.message;
      if (!m?.messageId || (frame.action !== 'createMessage' && frame.action !== 'updateMessage')) return;
      const cards = (m.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content ?? {});
      const existing = this.messages.find((x) => x.messageId === m.messageId);
      if (existing) {
        existing.cards = cards;
        existing.updates += 1;
      } else if (frame.action === 'createMessage') {
        this.messages.push({ messageId: m.messageId, cards, text: m.text, updates: 0 });
      }
    });
  }

  cards(): Locator {
    return this.page.locator(CARD);
  }

  cardMessages(): BotMessage[] {
    return this.messages.filter((m) => m.cards.length > 0);
  }

  /** Wait until a condition over what the bot sent holds (polling; the websocket fills `messages`). */
  async waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; bot messages so far: ${this.messages.length}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Wait until every card the bot sent is rendered in the page. */
  async waitForRendered(): Promise<void> {
    const expected = this.cardMessages().reduce((n, m) => n + m.cards.length, 0);
    await this.page.waitForFunction(
      ([sel, n]) => (globalThis as unknown as BrowserGlobals).document.querySelectorAll(sel).length >= n,
      [CARD, expected] as [string, number],
      { timeout: 30_000 },
    );
  }

  /** Paste text into the message box (a real paste event, as Ctrl+V gives) and press Enter. */
  async paste(text: string): Promise<void> {
    const box = this.page.locator(MESSAGE_BOX);
    await box.click();
    await box.evaluate((el, data) => {
      const g = globalThis as unknown as BrowserGlobals;
      const transfer = new g.DataTransfer();
      transfer.setData('text/plain', data);
      el.dispatchEvent(
        new g.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }) as Parameters<
          typeof el.dispatchEvent
        >[0],
      );
    }, text);
    await this.page.waitForFunction(
      (sel) =>
        ((globalThis as unknown as BrowserGlobals).document.querySelector(sel)?.textContent ?? '').trim().length > 0,
      MESSAGE_BOX,
    );
    await this.page.keyboard.press('Enter');
  }

  /** Type a short message and send it (fill() does not work in the Playground's editor). */
  async type(text: string): Promise<void> {
    await this.page.locator(MESSAGE_BOX).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** The newest bot message that asks a question, once the bot has sent it. */
  async nextQuestion(
    afterCount: number,
  ): Promise<
    { message: BotMessage; question: NonNullable<ReturnType<typeof questionOf>> } | { verdict: VerdictSummary }
  > {
    return this.waitFor('a question or a verdict', () => {
      const fresh = this.cardMessages().slice(afterCount);
      for (const m of fresh) {
        const verdict = m.cards.map(verdictOf).find(Boolean);
        if (verdict) return { verdict };
      }
      for (const m of fresh) {
        const question = m.cards.map(questionOf).find(Boolean);
        if (question) return { message: m, question };
      }
      return undefined;
    });
  }

  /** The rendered card of a bot message (cards render in message order). */
  cardOf(message: BotMessage): Locator {
    const index = this.cardMessages()
      .slice(0, this.cardMessages().indexOf(message))
      .reduce((n, m) => n + m.cards.length, 0);
    return this.cards().nth(index);
  }

  /** Answer a question card by clicking a choice (by its value) or typing into its input, then submit. */
  async answer(message: BotMessage, value: string): Promise<void> {
    const question = questionOf(message.cards[0]);
    if (!question) throw new Error('not a question card');
    const card = this.cardOf(message);
    await card.scrollIntoViewIfNeeded();
    if (question.choices) {
      const choice = question.choices.find((c) => c.value === value);
      if (!choice) throw new Error(`${question.id} has no choice ${value}`);
      await card.getByText(choice.title, { exact: true }).click();
    } else {
      await card.locator('input[type=text], textarea').first().fill(value);
    }
    await card.getByRole('button', { name: question.submitTitle, exact: true }).click();
  }
}

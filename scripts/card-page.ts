import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { TEAMS_CARD_WIDTH, TEAMS_HOST_CONFIG } from './teams-host-config';

// A page on 127.0.0.1 that renders Adaptive Cards with the `adaptivecards` renderer (the browser
// bundle and its stylesheet from node_modules) and markdown-it for the markdown subset Teams renders, so card screenshots
// show what a user sees. The page exposes window.renderCard(card) -> render report.
// The frame breaks long words as the chat message container of Teams' UI library does (the Agents
// Playground, built on it, sets word-break: break-word on every message), so a long PowerShell line
// wraps instead of running off the card.

export type RenderReport = {
  /** Parse and validation messages from the SDK at schema 1.5. */
  problems: string[];
  /** Links and images the rendered card contains outside its action buttons. */
  links: string[];
  images: string[];
  /** Pixels the card is wider than its column (0 = nothing overflows). */
  overflowPx: number;
  /** The start of each text that sticks out of the column (the card cuts it off). */
  overflowing: string[];
  text: string;
};

const STYLE = `
  body { margin: 0; background: #f5f5f5; font-family: ${JSON.stringify(TEAMS_HOST_CONFIG.fontFamily).slice(1, -1)}; }
  #frame { width: ${TEAMS_CARD_WIDTH}px; margin: 16px; background: #fff; border-radius: 4px;
           box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden;
           word-break: break-word; overflow-wrap: break-word; }
  .ac-pushButton { border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; color: #242424;
                   font-weight: 600; padding: 5px 12px; min-height: 32px; font-size: 14px; }
  .ac-input, .ac-input * { font-size: 14px; box-sizing: border-box; }
  .ac-textBlock p { margin: 0; }
`;

export function cardPageHtml(): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Relay Doctor cards</title>
<link rel="stylesheet" href="/adaptivecards.css"><style>${STYLE}</style>
<script src="/markdown-it.min.js"></script>
<script src="/adaptivecards.min.js"></script>
<script>
const hostConfig = ${JSON.stringify(TEAMS_HOST_CONFIG)};
// Scheme URLs, www. and mailto: become links, as in Teams; bare host names and addresses do not
// (fuzzy linking off), so an escaped host name in a card is judged by what markdown itself does.
const md = window.markdownit({ html: false, linkify: true, breaks: true });
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = md.render(text);
  result.didProcess = true;
};
window.renderCard = (json) => {
  const frame = document.getElementById('frame');
  frame.innerHTML = '';
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  const ctx = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  card.parse(json, ctx);
  const problems = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push('parse: ' + ctx.getEventAt(i).message);
  for (const e of card.validateProperties().validationEvents) problems.push('validate: ' + e.message);
  const element = card.render();
  if (!element) return { problems: problems.concat('render: nothing rendered'), links: [], images: [], overflowPx: 0, overflowing: [], text: '' };
  frame.appendChild(element);
  const outsideActions = (el) => !el.closest('.ac-actionSet') && !el.closest('.ac-pushButton');
  const links = [...frame.querySelectorAll('a')].filter(outsideActions).map((a) => a.outerHTML);
  const images = [...frame.querySelectorAll('img')].map((i) => i.outerHTML);
  // The card root hides overflow, so measure every element against the frame's right edge.
  const right = frame.getBoundingClientRect().right;
  let overflowPx = 0;
  const overflowing = [];
  for (const el of frame.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    const over = Math.round(r.right - right);
    if (r.width === 0 || over <= 0) continue;
    overflowPx = Math.max(overflowPx, over);
    const textual = el.children.length === 0 || /ac-textRun|ac-textBlock/.test(el.className);
    if (textual && overflowing.length < 5) overflowing.push(el.className + ': ' + el.textContent.slice(0, 100));
  }
  return { problems, links, images, overflowPx, overflowing, text: frame.innerText };
};
</script></head>
<body><div id="frame"></div></body></html>`;
}

export type CardPageServer = { url: string; close(): Promise<void> };

/** Serve the page and the two scripts on 127.0.0.1 (a random port). */
export async function startCardPageServer(repoRoot: string): Promise<CardPageServer> {
  const files: Record<string, string> = {
    '/adaptivecards.min.js': path.join(repoRoot, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js'),
    '/adaptivecards.css': path.join(repoRoot, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.css'),
    '/markdown-it.min.js': path.join(repoRoot, 'node_modules', 'markdown-it', 'dist', 'markdown-it.min.js'),
  };
  const page = cardPageHtml();
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (req.url === '/') {
      // Not chained: restify, loaded in the same test process, patches writeHead to return undefined.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else if (file) {
      const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
      fs.createReadStream(file).pipe(res);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

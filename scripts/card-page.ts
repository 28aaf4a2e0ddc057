import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { TEAMS_CARD_WIDTH, TEAMS_HOST_CONFIG } from './teams-host-config';

// A page on 127.0.0.1 that renders Adaptive Cards with the `adaptivecards` renderer (the browser
// bundle from node_modules) and markdown-it for the markdown subset Teams renders, so card screenshots
// show what a user sees. The page exposes window.renderCard(card) -> render report.

export type RenderReport = {
  /** Parse and validation messages from the SDK at schema 1.5. */
  problems: string[];
  /** Links and images the rendered card contains outside its action buttons. */
  links: string[];
  images: string[];
  /** Pixels the card is wider than its column (0 = nothing overflows). */
  overflowPx: number;
  text: string;
};

const STYLE = `
  body { margin: 0; background: #f5f5f5; font-family: ${JSON.stringify(TEAMS_HOST_CONFIG.fontFamily).slice(1, -1)}; }
  #frame { width: ${TEAMS_CARD_WIDTH}px; margin: 16px; background: #fff; border-radius: 4px;
           box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden; }
  .ac-pushButton { border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; color: #242424;
                   font-weight: 600; padding: 5px 12px; min-height: 32px; font-size: 14px; }
  .ac-input { font-size: 14px; }
  .ac-textBlock p { margin: 0; }
`;

export function cardPageHtml(): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Relay Doctor cards</title><style>${STYLE}</style>
<script src="/markdown-it.min.js"></script>
<script src="/adaptivecards.min.js"></script>
<script>
const hostConfig = ${JSON.stringify(TEAMS_HOST_CONFIG)};
const md = window.markdownit({ html: false, linkify: true, breaks: true });
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
  if (!element) return { problems: problems.concat('render: nothing rendered'), links: [], images: [], overflowPx: 0, text: '' };
  frame.appendChild(element);
  const outsideActions = (el) => !el.closest('.ac-actionSet') && !el.closest('.ac-pushButton');
  const links = [...frame.querySelectorAll('a')].filter(outsideActions).map((a) => a.outerHTML);
  const images = [...frame.querySelectorAll('img')].map((i) => i.outerHTML);
  let overflowPx = Math.max(0, element.scrollWidth - element.clientWidth);
  for (const el of frame.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    if (r.width > 0) overflowPx = Math.max(overflowPx, Math.round(r.right - f.right));
  }
  return { problems, links, images, overflowPx, text: frame.innerText };
};
</script></head>
<body><div id="frame"></div></body></html>`;
}

export type CardPageServer = { url: string; close(): Promise<void> };

/** Serve the page and the two scripts on 127.0.0.1 (a random port). */
export async function startCardPageServer(repoRoot: string): Promise<CardPageServer> {
  const files: Record<string, string> = {
    '/adaptivecards.min.js': path.join(repoRoot, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js'),
    '/markdown-it.min.js': path.join(repoRoot, 'node_modules', 'markdown-it', 'dist', 'markdown-it.min.js'),
  };
  const page = cardPageHtml();
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (file) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      fs.createReadStream(file).pipe(res);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

// HTML → plain text for NDR bodies: a single forward scan (no regex over the markup), so any input,
// however malformed, costs linear time. Block elements become line breaks, cells a tab; script, style and
// head contents and comments are dropped; character references are decoded.

const BLOCK = new Set([
  'br',
  'p',
  'div',
  'tr',
  'li',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'hr',
  'title',
  'dt',
  'dd',
  'dl',
  'section',
  'article',
  'header',
  'footer',
]);
const CELL = new Set(['td', 'th']);
const SKIP_CONTENT = new Set(['script', 'style', 'head']);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  reg: '®',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  Uuml: 'Ü',
  Ouml: 'Ö',
  Auml: 'Ä',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  ecirc: 'ê',
  oacute: 'ó',
  aacute: 'á',
  iacute: 'í',
  uacute: 'ú',
  ntilde: 'ñ',
  laquo: '«',
  raquo: '»',
};

/** Decodes HTML character references (`&amp;`, `&#233;`, `&#xE9;`, common named ones). */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
  });
}

function tagName(tag: string): string {
  let i = tag[0] === '/' ? 1 : 0;
  let name = '';
  for (; i < tag.length && name.length < 12; i += 1) {
    const c = tag[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) name += c;
    else break;
  }
  return name.toLowerCase();
}

export interface HtmlToTextOptions {
  /**
   * A chat message (Teams' `text/html` form): every space is kept as written (`&nbsp;` and plain), since
   * pasted command output carries its columns in them, and a paragraph is one line (`<p>a</p><p>b</p>` is
   * two lines, not two lines with a blank one between). Only trailing spaces are dropped.
   */
  chatMessage?: boolean;
}

/** Converts an HTML document or fragment to text lines. Never throws. */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const out: string[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    if (lt > i) out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      out.push(html.slice(lt));
      break;
    }
    const tag = html.slice(lt + 1, Math.min(gt, lt + 64));
    const name = tagName(tag);
    i = gt + 1;
    if (tag[0] !== '/' && SKIP_CONTENT.has(name)) {
      const close = indexOfCi(html, `</${name}`, i);
      const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
      i = closeEnd < 0 ? n : closeEnd + 1;
      continue;
    }
    if (name === 'br' || (BLOCK.has(name) && !(options.chatMessage && endsWithBreak(out)))) out.push('\n');
    else if (CELL.has(name)) out.push('\t');
  }
  const tidy = options.chatMessage
    ? (l: string) => l.replace(/[ \t]+$/, '')
    : (l: string) => l.replace(/[ \t]+/g, ' ').trim();
  return decodeEntities(out.join(''))
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map(tidy)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** True when nothing was written yet or the last text written ends a line. */
function endsWithBreak(out: string[]): boolean {
  for (let k = out.length - 1; k >= 0; k -= 1) {
    if (out[k] === '') continue;
    return out[k].endsWith('\n');
  }
  return true;
}

/** Case-insensitive indexOf for an ASCII needle, linear in the haystack. */
function indexOfCi(hay: string, needle: string, from: number): number {
  const lower = needle.toLowerCase();
  const upper = needle.toUpperCase();
  for (let i = from; i <= hay.length - needle.length; i += 1) {
    let ok = true;
    for (let j = 0; j < needle.length; j += 1) {
      const c = hay[i + j];
      if (c !== lower[j] && c !== upper[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

/** True when a text looks like HTML markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return /<(html|body|table|div|p|br|font|span)[\s>/]/.test(head) && head.includes('</');
}

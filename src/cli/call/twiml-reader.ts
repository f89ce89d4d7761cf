/**
 * Reads the TwiML a voice webhook answered, as Twilio would follow it. Handles the verbs the
 * platform emits (Say, Play, Gather, Dial, Hangup, Redirect, Pause, Connect); enough of XML for them:
 * elements, attributes, text and the five predefined entities.
 */
export type Verb =
  | { kind: 'say'; text: string }
  | { kind: 'play'; url: string }
  | { kind: 'gather'; action: string; hints: string[]; children: Verb[] }
  | { kind: 'dial'; number: string }
  | { kind: 'hangup' }
  | { kind: 'redirect'; url: string }
  | { kind: 'pause' }
  | { kind: 'relay'; url: string; action: string; greeting: string; attrs: Record<string, string> }
  | { kind: 'stream'; url: string; action: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

function parse(xml: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  const token = /<\?[^>]*\?>|<(\/?)([A-Za-z]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(token)) {
    const [, closing, name, rawAttrs, selfClosing, text] = m;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      if (text.trim()) top.children.push(decode(text));
    } else if (name && closing) {
      if (stack.length > 1) stack.pop();
    } else if (name) {
      const attrs = Object.fromEntries([...(rawAttrs ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, k, v]) => [k!, decode(v!)]));
      const node: Node = { name, attrs, children: [] };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  return root;
}

const textOf = (n: Node) => n.children.filter((c): c is string => typeof c === 'string').join('').trim();

function verbsOf(nodes: (Node | string)[]): Verb[] {
  const out: Verb[] = [];
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    if (n.name === 'Say') out.push({ kind: 'say', text: textOf(n) });
    else if (n.name === 'Play') out.push({ kind: 'play', url: textOf(n) });
    else if (n.name === 'Gather') {
      out.push({ kind: 'gather', action: n.attrs.action ?? '', hints: (n.attrs.hints ?? '').split(',').map((h) => h.trim()).filter(Boolean), children: verbsOf(n.children) });
    } else if (n.name === 'Dial') out.push({ kind: 'dial', number: textOf(n) || textOf((n.children.find((c) => typeof c !== 'string') as Node | undefined) ?? { name: '', attrs: {}, children: [] }) });
    else if (n.name === 'Hangup') out.push({ kind: 'hangup' });
    else if (n.name === 'Redirect') out.push({ kind: 'redirect', url: textOf(n) });
    else if (n.name === 'Pause') out.push({ kind: 'pause' });
    else if (n.name === 'Connect') {
      const relay = n.children.find((c): c is Node => typeof c !== 'string' && c.name === 'ConversationRelay');
      if (relay) out.push({ kind: 'relay', url: relay.attrs.url ?? '', action: n.attrs.action ?? '', greeting: relay.attrs.welcomeGreeting ?? '', attrs: relay.attrs });
      const stream = n.children.find((c): c is Node => typeof c !== 'string' && c.name === 'Stream');
      if (stream) out.push({ kind: 'stream', url: stream.attrs.url ?? '', action: n.attrs.action ?? '' });
    }
  }
  return out;
}

export function readTwiml(xml: string): Verb[] {
  const response = parse(xml).children.find((c): c is Node => typeof c !== 'string' && c.name === 'Response');
  if (!response) throw new Error(`not TwiML: ${xml.slice(0, 120)}`);
  return verbsOf(response.children);
}

/*
 * ClientsVia website chat: a chat bubble that talks to the company's agent. Embedded with one line,
 *   <script src="https://<app>/widget.js" data-key="cvw_..." async></script>
 * (optional: data-title="Chat with Rapid Rooter", data-color="#1d4ed8"). Plain JavaScript, no
 * dependencies, served as written. It lives in a shadow root, so the page's styles and ours
 * never meet, and it only ever talks to the app that served it. Text from the network is set
 * with textContent, never parsed as HTML.
 */
(() => {
  'use strict';
  const script = document.currentScript;
  const key = script && script.dataset.key;
  const mounted = (window.__clientsviaWidgets = window.__clientsviaWidgets || {});
  if (!key || mounted[key]) return;
  mounted[key] = true;

  const endpoint = new URL(`/api/widget/${encodeURIComponent(key)}/chat`, script.src).href;
  const title = script.dataset.title || 'Chat with us';
  const accent = /^#[0-9a-f]{3,8}$/i.test(script.dataset.color || '') ? script.dataset.color : '#1d4ed8';
  const UNAVAILABLE = "Sorry, the chat isn't available right now. Please try again later, or give us a call.";

  const CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .launcher, .panel { position: fixed; right: 20px; z-index: 2147483000; }
    .launcher { bottom: 20px; width: 56px; height: 56px; border-radius: 50%; border: 0; cursor: pointer;
      background: var(--accent); color: #fff; box-shadow: 0 4px 14px rgba(0,0,0,.25); display: grid; place-items: center; }
    .launcher svg { width: 28px; height: 28px; fill: currentColor; }
    .panel { bottom: 88px; width: min(360px, calc(100vw - 40px)); height: min(520px, calc(100vh - 120px));
      display: flex; flex-direction: column; background: #fff; color: #1a1a1a; border-radius: 12px;
      box-shadow: 0 8px 30px rgba(0,0,0,.3); overflow: hidden; }
    .panel[hidden] { display: none; }
    header { display: flex; align-items: center; justify-content: space-between; padding: 10px 12px; background: var(--accent); color: #fff; }
    h2 { margin: 0; font-weight: 600; font-size: 16px; }
    .close { border: 0; background: transparent; color: inherit; font-size: 22px; line-height: 1; width: 36px; height: 36px; cursor: pointer; border-radius: 6px; }
    .log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f6f7f9; }
    .msg { margin: 0; padding: 8px 11px; border-radius: 10px; max-width: 85%; white-space: pre-wrap; overflow-wrap: anywhere; }
    .agent { background: #fff; border: 1px solid #d9dce1; align-self: flex-start; }
    .visitor { background: var(--accent); color: #fff; align-self: flex-end; }
    .note { align-self: center; color: #444; font-size: 13px; text-align: center; }
    .note a { color: var(--accent); }
    form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #d9dce1; }
    input { flex: 1; min-width: 0; padding: 9px 10px; border: 1px solid #767676; border-radius: 8px; color: #1a1a1a; background: #fff; }
    .send, .restart { border: 0; border-radius: 8px; padding: 9px 14px; background: var(--accent); color: #fff; cursor: pointer; font-weight: 600; }
    .restart { margin: 0 10px 10px; }
    button:disabled, input:disabled { opacity: .6; cursor: not-allowed; }
    :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  /** An element with attributes and optional text (as text, never HTML). */
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function mount() {
    const host = el('div', { 'data-clientsvia-widget': '' });
    const root = host.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet(); // not an inline <style>: works under a page's strict CSP
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(el('style', {}, CSS));
    }
    host.style.setProperty('--accent', accent);

    const launcher = el('button', { type: 'button', class: 'launcher', 'aria-label': title, 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-controls': 'cv-panel' });
    const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    icon.append(path);
    launcher.append(icon);

    const panel = el('div', { id: 'cv-panel', class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'cv-title', hidden: '' });
    const header = el('header');
    const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, '×');
    header.append(el('h2', { id: 'cv-title' }, title), close);
    // Focusable, so a keyboard can scroll back through a long conversation.
    const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' });
    const form = el('form', { 'aria-label': 'Send a message' });
    const input = el('input', { id: 'cv-input', type: 'text', maxlength: '1000', autocomplete: 'off', placeholder: 'Type your message' });
    const send = el('button', { type: 'submit', class: 'send' }, 'Send');
    form.append(el('label', { for: 'cv-input', class: 'sr-only' }, 'Your message'), input, send);
    const restart = el('button', { type: 'button', class: 'restart', hidden: '' }, 'Start a new conversation');
    panel.append(header, log, form, restart);
    root.append(launcher, panel);
    document.body.append(host);

    let conversationId = null;
    let seq = 0;
    let busy = false;
    let ended = false;
    /** What was said, so the conversation follows the visitor from page to page of the site (this tab only). */
    let lines = [];
    const STORE = `clientsvia-widget:${key}`;
    function remember() {
      try {
        sessionStorage.setItem(STORE, JSON.stringify({ conversationId, seq, ended, lines: lines.slice(-100) }));
      } catch {
        // Storage blocked or full: the chat still works, on this page only.
      }
    }

    function say(who, text) {
      const p = el('p', { class: `msg ${who}` });
      p.append(el('span', { class: 'sr-only' }, who === 'agent' ? 'Agent: ' : 'You: '), document.createTextNode(text));
      log.append(p);
      log.scrollTop = log.scrollHeight;
      return p;
    }
    function said(who, text) {
      lines.push([who, text]);
      remember();
      return say(who, text);
    }
    function note(text, phone) {
      const p = el('p', { class: 'note' }, text);
      if (phone) p.append(' ', el('a', { href: `tel:${phone}` }, phone));
      log.append(p);
      log.scrollTop = log.scrollHeight;
    }
    function setBusy(on) {
      busy = on;
      send.disabled = on;
      log.setAttribute('aria-busy', String(on));
    }
    function end() {
      conversationId = null;
      ended = true;
      input.disabled = true;
      send.disabled = true;
      restart.hidden = false;
      remember();
    }

    /** One turn: the greeting (no text) or the visitor's line. False when the chat could not answer. */
    async function turn(text) {
      setBusy(true);
      const body = conversationId ? { conversationId, text, seq: seq + 1 } : {};
      try {
        const res = await fetch(endpoint, { method: 'POST', mode: 'cors', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (res.status === 404 && conversationId) {
          // A conversation the server no longer knows (kept from an earlier page): the next line starts anew.
          conversationId = null;
          remember();
        }
        if (!res.ok) throw new Error(String(res.status));
        const reply = await res.json();
        conversationId = reply.conversationId;
        seq = reply.seq;
        said('agent', reply.say);
        if (reply.next === 'transfer') note('To talk to someone now, call', reply.transferTo);
        if (reply.next !== 'listen') end();
        return true;
      } catch {
        note(UNAVAILABLE);
        return false;
      } finally {
        setBusy(false);
      }
    }

    function open() {
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      if (!conversationId && !busy && !ended) turn();
      (input.disabled ? restart : input).focus();
    }
    function hide() {
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    try {
      const saved = JSON.parse(sessionStorage.getItem(STORE) || 'null');
      if (saved && Array.isArray(saved.lines)) {
        ({ conversationId, seq } = saved);
        lines = saved.lines;
        for (const [who, text] of lines) say(who === 'visitor' ? 'visitor' : 'agent', String(text));
        if (saved.ended) end();
      }
    } catch {
      // Nothing readable stored: a new conversation.
    }

    launcher.addEventListener('click', () => (panel.hidden ? open() : hide()));
    close.addEventListener('click', hide);
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        hide();
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text || busy || ended) return;
      // The greeting failed earlier: start the conversation first.
      if (!conversationId && !(await turn())) return;
      const mine = said('visitor', text);
      input.value = '';
      if (await turn(text)) return;
      // A failed line goes back in the box, to send again (the same seq: the server answers a repeat once).
      lines.pop();
      remember();
      mine.remove();
      input.value = text;
    });
    restart.addEventListener('click', async () => {
      log.replaceChildren();
      lines = [];
      restart.hidden = true;
      ended = false;
      input.disabled = false;
      input.focus();
      await turn();
    });
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();

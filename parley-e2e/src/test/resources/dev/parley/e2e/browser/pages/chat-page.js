// A small chat page on the Parley SDK, driven by the browser tests through `window.app`.
// It boots from options the test passes (kept in sessionStorage so a reload boots the same way)
// and renders the store: conversations with badges, the selected timeline, who is typing.

import { Parley } from '/sdk/parley.js';

const BOOT_KEY = 'parley-test.boot';
const SESSION_KEY = 'parley-test.session';

const app = {
  /** @type {Parley|null} */
  parley: null,
  /** Every event the SDK emitted: {name, conversationId, seq, clientMessageId}. */
  events: [],
  /** forceRefresh of every getToken call. */
  tokenRequests: [],
  /** Sends the server refused for good. */
  failures: [],
  selected: null,
  started: null,
};
window.app = app;

/**
 * Boots the SDK. options: {token} or {login: {username, password}}, plus baseUrl, storage,
 * storageKey, reconnect, viaGetToken (serve the token through getToken and count the calls).
 */
app.boot = (options) => {
  sessionStorage.setItem(BOOT_KEY, JSON.stringify(options));
  app.started = start(options);
  return app.started;
};

async function start(options) {
  const parley = new Parley({
    baseUrl: options.baseUrl ?? location.origin,
    ...(options.token && !options.viaGetToken ? { token: options.token } : {}),
    ...(options.viaGetToken ? { getToken: ({ forceRefresh }) => (app.tokenRequests.push(forceRefresh), options.token) } : {}),
    storage: options.storage ?? 'auto',
    storageKey: options.storageKey,
    reconnect: options.reconnect ?? { baseMs: 100, maxMs: 800 },
  });
  app.parley = parley;
  parley.on('*', (name, payload) => {
    app.events.push({
      name,
      conversationId: payload?.conversationId ?? payload?.data?.conversationId ?? null,
      seq: payload?.seq ?? null,
      clientMessageId: payload?.clientMessageId ?? payload?.data?.message?.clientMessageId ?? null,
      state: payload?.state ?? null,
    });
  });
  parley.on('session', (session) => {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ ...session, expiresAt: Date.now() + session.expiresIn * 1000 }));
  });
  parley.on('state', render);
  parley.store.subscribe(render);
  if (options.login) {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    if (saved) parley.useSession({ ...saved, expiresIn: Math.max(1, Math.floor((saved.expiresAt - Date.now()) / 1000)) });
    else await parley.login(options.login.username, options.login.password);
  }
  await parley.start();
  render();
}

/** Shows a conversation: focus (typing events), its newest history. */
app.select = async (conversationId) => {
  app.selected = conversationId;
  await app.parley.focus(conversationId);
  await app.parley.loadHistory(conversationId);
  render();
};

/** Sends without waiting for the acknowledgement (it may come after a reload, or never). */
app.sendLater = (conversationId, text) => {
  app.parley.send(conversationId, text).catch((e) => app.failures.push({ code: e.code, message: e.message }));
};

/** The timeline as plain data. */
app.messages = (conversationId) => app.parley.store.messages(conversationId).map((m) => ({
  id: m.id, seq: m.seq, text: m.text, senderId: m.senderId, clientMessageId: m.clientMessageId,
  pending: Boolean(m.pending), failed: m.failed ? m.failed.code : null, editedAt: m.editedAt, deletedAt: m.deletedAt,
  pinned: m.pinned, reactions: m.reactions.map((r) => ({ emoji: r.emoji, count: r.count, me: r.me })),
  delivery: m.delivery ? m.delivery.status : null,
}));

app.texts = (conversationId) => app.parley.store.messages(conversationId).map((m) => (m.deletedAt ? '(deleted)' : m.text));

app.counts = (conversationId) => {
  const c = app.parley.store.conversation(conversationId);
  return c ? { unread: c.unreadCount, mentions: c.mentionCount, readSeq: c.readSeq, lastSeq: c.lastSeq } : null;
};

/** The same counters as the server's conversation list says now. */
app.serverCounts = async (conversationId) => {
  const all = await app.parley.api.allConversations();
  const s = all.find((x) => x.conversation.id === conversationId);
  return s ? { unread: s.unreadCount, mentions: s.mentionCount, readSeq: s.me.readSeq, lastSeq: s.conversation.lastSeq } : null;
};

app.eventCount = (name, conversationId) => app.events.filter((e) => e.name === name && e.conversationId === conversationId).length;

// ---------------------------------------------------------------- rendering

function render() {
  const parley = app.parley;
  if (!parley) return;
  const store = parley.store;
  text('#who', store.me ?? '…');
  const state = document.querySelector('#state');
  state.textContent = parley.state;
  state.className = 'state ' + parley.state;
  text('#outbox', parley.outboxSize ? `${parley.outboxSize} waiting to send` : '');

  const nav = document.querySelector('#conversations');
  nav.replaceChildren(...store.conversations().map((c) => {
    const button = el('button', { class: c.id === app.selected ? 'selected' : '', 'data-id': c.id },
      el('span', {}, c.conversation.title ?? 'Direct'));
    if (c.mentionCount) button.append(el('span', { class: 'badge mention' }, '@' + c.mentionCount));
    if (c.unreadCount) button.append(el('span', { class: 'badge' }, String(c.unreadCount)));
    button.onclick = () => app.select(c.id);
    return button;
  }));

  const selected = app.selected && store.conversation(app.selected);
  text('#title', selected ? selected.conversation.title ?? 'Direct' : 'No conversation selected');
  const list = document.querySelector('#messages');
  list.replaceChildren(...(selected ? store.messages(app.selected) : []).map((m) => {
    const classes = [m.senderId === store.me ? 'mine' : '', m.pending ? 'pending' : '', m.deletedAt ? 'deleted' : ''];
    const item = el('li', { class: classes.join(' ').trim(), 'data-seq': String(m.seq ?? '') },
      el('span', { class: 'meta' }, `${m.senderId === store.me ? 'me' : m.senderId}${m.seq ? ' · #' + m.seq : ' · sending…'}${m.editedAt ? ' · edited' : ''}${m.pinned ? ' · pinned' : ''}`),
      m.deletedAt ? 'This message was deleted' : m.text ?? '');
    for (const r of m.reactions) item.append(el('span', { class: 'reaction' }, `${r.emoji} ${r.count}`));
    return item;
  }));
  const typers = selected ? store.typing(app.selected) : [];
  text('#typing', typers.length ? `${typers.join(', ')} ${typers.length === 1 ? 'is' : 'are'} typing…` : '');
}

function text(selector, value) {
  document.querySelector(selector).textContent = value;
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const saved = sessionStorage.getItem(BOOT_KEY);
if (saved) app.started = start(JSON.parse(saved));

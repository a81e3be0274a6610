// How each event changes the store (conversations, messages, counters, typing, receipts).
// Persisted events arrive de-duplicated and in seq order per conversation (see sequencer.js).

import * as M from './messages.js';

/** @typedef {import('./store.js').ChatStore} ChatStore */
/** @typedef {import('./types.js').PersistedEvent} PersistedEvent */

/**
 * @param {ChatStore} store
 * @param {PersistedEvent} event
 */
export function applyPersisted(store, event) {
  const id = event.conversationId;
  if (event.event === 'conversation.created') {
    created(store, event);
    return;
  }
  const conv = store.convs.get(id);
  if (!conv) return; // not one of mine (any more)
  switch (event.event) {
    case 'message.created':
      messageCreated(store, conv, event);
      break;
    case 'message.edited':
      messageChanged(store, conv, event, (m) => M.edited(m, event.data));
      break;
    case 'message.deleted':
      messageChanged(store, conv, event, (m) => M.deleted(m, event.data));
      break;
    case 'reaction.added':
      updateMessage(store, id, event.data.messageId, (m) => M.withReaction(m, event.data.emoji, event.data.userId, store.me));
      break;
    case 'reaction.removed':
      updateMessage(store, id, event.data.messageId, (m) => M.withoutReaction(m, event.data.emoji, event.data.userId, store.me));
      break;
    case 'message.pinned':
      updateMessage(store, id, event.data.messageId, (m) => (m.pinned ? m : { ...m, pinned: true }));
      break;
    case 'message.unpinned':
      updateMessage(store, id, event.data.messageId, (m) => (m.pinned ? { ...m, pinned: false } : m));
      break;
    case 'conversation.updated': {
      const { title, description, avatarUrl } = event.data;
      store.putConv({ ...conv, conversation: { ...conv.conversation, title, description, avatarUrl } });
      break;
    }
    case 'conversation.archived':
      store.putConv({ ...conv, conversation: { ...conv.conversation, archived: event.data.archived } });
      break;
    case 'member.added':
    case 'member.role_changed':
      if (event.data.userId === store.me) store.putConv({ ...conv, role: event.data.role });
      if (event.event === 'member.added') store.setMarker(id, event.data.userId, 0, 0);
      store.changed('receipts', id);
      break;
    case 'member.removed':
      if (event.data.userId === store.me) {
        store.removeConversation(id);
        return;
      }
      store.dropMarker(id, event.data.userId);
      break;
    default:
      break;
  }
  advance(store, id, event);
}

function created(store, event) {
  const { conversation, members } = event.data;
  if (!store.convs.has(conversation.id)) {
    const mine = members.find((m) => m.userId === store.me);
    store.putConv({
      id: conversation.id, conversation, role: mine?.role ?? null,
      settings: { muted: false, mutedUntil: null, pinned: false, hidden: false },
      lastSeq: event.seq, readSeq: 0, deliveredSeq: 0, unreadCount: 0, mentionCount: 0,
      lastMessage: null, directPeer: null,
    });
    store.liveFrom.set(conversation.id, 1);
    for (const member of members) store.setMarker(conversation.id, member.userId, 0, 0);
  }
  advance(store, conversation.id, event);
}

/** Moves the conversation's lastSeq (and last activity for messages) to the event. */
function advance(store, id, event) {
  const conv = store.convs.get(id);
  if (!conv || conv.lastSeq >= event.seq && conv.conversation.lastSeq >= event.seq) return;
  const lastSeq = Math.max(conv.lastSeq, event.seq);
  const conversation = { ...conv.conversation, lastSeq };
  if (event.event === 'message.created') conversation.lastActivityAt = event.data.message.createdAt ?? event.at;
  store.putConv({ ...conv, lastSeq, conversation });
}

function messageCreated(store, conv, event) {
  const message = event.data.message;
  const id = conv.id;
  const byId = store.byIdOf(id);
  if (!byId.has(message.id)) byId.set(message.id, message);
  if (message.senderId === store.me && message.clientMessageId) store.dropPendingOf(id, message.clientMessageId);
  if (message.threadRootId) updateMessage(store, id, message.threadRootId, (root) => M.withReply(root, message), false);
  store.messagesChanged(id);

  // A message moves its sender's read and delivered markers to it (the protocol sends no
  // receipt for that): whoever sends has read everything before.
  if (message.senderId) {
    store.setMarker(id, message.senderId, message.seq, message.seq);
    store.refreshDeliveries(id);
    store.changed('receipts', id);
  }
  let next = { ...conv };
  if (message.senderId === store.me) {
    // Nothing before my own new message is unread.
    next.readSeq = Math.max(conv.readSeq, message.seq);
    next.deliveredSeq = Math.max(conv.deliveredSeq, message.seq);
    next.unreadCount = 0;
    next.mentionCount = 0;
  } else if (M.countsAsUnread(message, store.me, conv.readSeq)) {
    next.unreadCount = conv.unreadCount + 1;
    if (M.mentions(message, store.me)) next.mentionCount = conv.mentionCount + 1;
  }
  if (!message.threadRootId && (!conv.lastMessage || (conv.lastMessage.seq ?? 0) <= message.seq)) next.lastMessage = message;
  store.putConv(next);
}

/** An edit or a delete: the message changes, and so may the counters when it was unread. */
function messageChanged(store, conv, event, change) {
  const id = conv.id;
  const messageId = event.data.messageId;
  const before = store.byIdOf(id).get(messageId);
  if (!before) return;
  const after = change(before);
  store.byIdOf(id).set(messageId, after);
  if (event.event === 'message.deleted' && before.threadRootId && !before.deletedAt) {
    updateMessage(store, id, before.threadRootId, M.withoutReply, false);
  }
  store.messagesChanged(id);

  const wasUnread = M.countsAsUnread(before, store.me, conv.readSeq);
  const isUnread = M.countsAsUnread(after, store.me, conv.readSeq);
  const wasMention = wasUnread && M.mentions(before, store.me);
  const isMention = isUnread && M.mentions(after, store.me);
  const next = { ...conv };
  next.unreadCount = Math.max(0, conv.unreadCount + Number(isUnread) - Number(wasUnread));
  next.mentionCount = Math.max(0, conv.mentionCount + Number(isMention) - Number(wasMention));
  if (conv.lastMessage?.id === messageId) next.lastMessage = after;
  store.putConv(next);
}

function updateMessage(store, conversationId, messageId, change, notify = true) {
  const byId = store.byIdOf(conversationId);
  const message = byId.get(messageId);
  if (!message) return;
  const next = change(message);
  if (next === message) return;
  byId.set(messageId, next);
  if (notify) store.messagesChanged(conversationId);
}

/**
 * Applies one event without seq: typing, presence, receipt, unread, member settings.
 * @param {ChatStore} store
 * @param {import('./types.js').TransientEvent} event
 */
export function applyTransient(store, event) {
  const data = event.data;
  switch (event.event) {
    case 'typing':
      store.setTyping(data.conversationId, data.userIds);
      break;
    case 'presence':
      store.setPresence(data);
      break;
    case 'receipt':
      store.setMarker(data.conversationId, data.userId, data.readSeq, data.deliveredSeq);
      if (data.userId === store.me) store.setMyMarkers(data.conversationId, data.readSeq, data.deliveredSeq);
      store.refreshDeliveries(data.conversationId);
      store.changed('receipts', data.conversationId);
      break;
    case 'unread': {
      // The server's count is the truth; it overwrites the local one.
      const conv = store.convs.get(data.conversationId);
      if (conv) store.putConv({ ...conv, unreadCount: data.unreadCount, mentionCount: data.mentionCount });
      break;
    }
    case 'member.settings_changed': {
      const conv = store.convs.get(data.conversationId);
      if (conv) store.putConv({ ...conv, settings: data.settings });
      break;
    }
    default:
      break;
  }
}

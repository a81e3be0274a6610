// Pure functions over messages: how events change one message, and the unread rule.
// They never mutate their arguments; they return new objects.

/** @typedef {import('./types.js').Message} Message */
/** @typedef {import('./types.js').Reaction} Reaction */

/**
 * Whether a message counts as unread for `me` above `readSeq` (the server's rule: messages by
 * others, not deleted, with seq above my read marker).
 * @param {Message} message
 * @param {string|null} me
 * @param {number} readSeq
 */
export function countsAsUnread(message, me, readSeq) {
  return message.seq != null && message.seq > readSeq && message.senderId !== me && !message.deletedAt;
}

/** Whether the message mentions `me` or everybody. */
export function mentions(message, me) {
  return Boolean(message.mentionAll) || (Array.isArray(message.mentions) && me != null && message.mentions.includes(me));
}

/** The message after `message.edited`. */
export function edited(message, { text, mentions: mentioned, mentionAll, editedAt }) {
  return { ...message, text, mentions: mentioned ?? [], mentionAll: Boolean(mentionAll), editedAt };
}

/** The tombstone after `message.deleted`: text, attachments and mentions go, the rest stays. */
export function deleted(message, { deletedAt }) {
  return {
    ...message, text: null, codeLanguage: null, attachments: [], mentions: [], mentionAll: false,
    forwardedFrom: null, deletedAt,
  };
}

/**
 * The message after `userId` reacted with `emoji`. Idempotent: a user already listed for the
 * emoji changes nothing, so a REST snapshot that already holds the reaction is not counted twice.
 */
export function withReaction(message, emoji, userId, me) {
  const reactions = message.reactions ?? [];
  const index = reactions.findIndex((r) => r.emoji === emoji);
  if (index < 0) {
    return { ...message, reactions: [...reactions, { emoji, count: 1, me: userId === me, userIds: [userId] }] };
  }
  const current = reactions[index];
  if (current.userIds.includes(userId) || (userId === me && current.me)) return message;
  const next = { emoji, count: current.count + 1, me: current.me || userId === me, userIds: [...current.userIds, userId] };
  return { ...message, reactions: reactions.map((r, i) => (i === index ? next : r)) };
}

/** The message after `userId` took back the `emoji` reaction. */
export function withoutReaction(message, emoji, userId, me) {
  const reactions = message.reactions ?? [];
  const index = reactions.findIndex((r) => r.emoji === emoji);
  if (index < 0) return message;
  const current = reactions[index];
  const listed = current.userIds.includes(userId);
  const counted = listed || (userId === me && current.me) || current.count > current.userIds.length;
  if (!counted) return message;
  const next = {
    emoji,
    count: current.count - 1,
    me: userId === me ? false : current.me,
    userIds: current.userIds.filter((id) => id !== userId),
  };
  const rest = reactions.filter((_, i) => i !== index);
  return { ...message, reactions: next.count > 0 ? reactions.map((r, i) => (i === index ? next : r)) : rest };
}

/** The root after a reply was added to its thread. */
export function withReply(root, reply) {
  const thread = root.thread ?? { replyCount: 0, lastReplyAt: null, participantIds: [] };
  const participants = thread.participantIds.includes(reply.senderId) || reply.senderId == null
    ? thread.participantIds : [...thread.participantIds, reply.senderId];
  return { ...root, thread: { replyCount: thread.replyCount + 1, lastReplyAt: reply.createdAt, participantIds: participants } };
}

/** The root after one of its replies was deleted. */
export function withoutReply(root) {
  const thread = root.thread ?? { replyCount: 0, lastReplyAt: null, participantIds: [] };
  return { ...root, thread: { ...thread, replyCount: Math.max(0, thread.replyCount - 1) } };
}

/**
 * My message's delivery state recomputed from the members' markers. Counts never go below
 * what the message already says (markers only move forward; the receipts known may be partial).
 * @param {Message} message one of mine, with `delivery`
 * @param {Map<string, {readSeq: number, deliveredSeq: number}>} markers by user id
 * @param {string} me
 */
export function withDelivery(message, markers, me) {
  const delivery = message.delivery;
  if (!delivery || message.seq == null) return message;
  let deliveredTo = 0;
  let readBy = 0;
  const readers = [];
  for (const [userId, marker] of markers) {
    if (userId === me) continue;
    if (marker.deliveredSeq >= message.seq || marker.readSeq >= message.seq) deliveredTo++;
    if (marker.readSeq >= message.seq) {
      readBy++;
      readers.push(userId);
    }
  }
  deliveredTo = Math.max(deliveredTo, delivery.deliveredTo);
  const readerIds = readBy >= delivery.readBy ? readers : delivery.readerIds;
  readBy = Math.max(readBy, delivery.readBy);
  const recipients = delivery.recipients;
  const status = recipients > 0 && readBy >= recipients ? 'read_all'
    : readBy > 0 ? 'read_some'
      : recipients > 0 && deliveredTo >= recipients ? 'delivered_all'
        : deliveredTo > 0 ? 'delivered_some' : 'sent';
  if (status === delivery.status && deliveredTo === delivery.deliveredTo && readBy === delivery.readBy) return message;
  return { ...message, delivery: { status, deliveredTo, readBy, recipients, readerIds } };
}

/** Orders confirmed messages by seq, then pending ones by creation time. */
export function compareMessages(a, b) {
  if (a.seq != null && b.seq != null) return a.seq - b.seq;
  if (a.seq != null) return -1;
  if (b.seq != null) return 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

// JSDoc types of the Parley wire format: the REST shapes (docs/api/openapi.yaml) and every
// socket event of docs/protocol.md. This module has no code; import types from it with
// `import('./types.js').Message` and the like.

// ------------------------------------------------------------------ REST shapes

/**
 * @typedef {object} User
 * @property {string} id
 * @property {string} username
 * @property {string} displayName
 * @property {string|null} email only in my own profile
 * @property {string|null} avatarUrl
 * @property {string|null} statusText
 * @property {string} createdAt
 */

/** @typedef {'direct'|'group'|'course'|'announcement'} ConversationKind */
/** @typedef {'owner'|'admin'|'moderator'|'member'} Role */

/**
 * @typedef {object} Conversation
 * @property {string} id
 * @property {ConversationKind} kind
 * @property {string|null} title null for direct conversations
 * @property {string|null} description
 * @property {string|null} avatarUrl
 * @property {string|null} courseId
 * @property {boolean} archived
 * @property {string|null} createdBy
 * @property {string} createdAt
 * @property {string} lastActivityAt
 * @property {number} lastSeq the seq of the newest event
 */

/**
 * @typedef {object} MemberSettings
 * @property {boolean} muted
 * @property {string|null} mutedUntil
 * @property {boolean} pinned
 * @property {boolean} hidden
 */

/**
 * @typedef {object} Member
 * @property {string} conversationId
 * @property {string} userId
 * @property {Role} role
 * @property {string} joinedAt
 * @property {number} readSeq
 * @property {number} deliveredSeq
 * @property {MemberSettings} settings
 */

/**
 * @typedef {object} MemberProfile
 * @property {string} userId
 * @property {Role} role
 * @property {string} joinedAt
 * @property {number} readSeq
 * @property {number} deliveredSeq
 * @property {User} user
 */

/**
 * @typedef {object} ConversationSummary
 * @property {Conversation} conversation
 * @property {Member} me
 * @property {number} unreadCount
 * @property {number} mentionCount
 * @property {Message|null} lastMessage
 * @property {string|null} lastMessageSenderName
 * @property {User|null} directPeer
 */

/**
 * @typedef {object} ConversationDetails
 * @property {Conversation} conversation
 * @property {MemberProfile[]} members
 * @property {number} messageCount
 * @property {Member|null} me
 */

/**
 * @typedef {object} Attachment
 * @property {string|null} fileId
 * @property {string|null} url
 * @property {string} name
 * @property {number} size
 * @property {string} mimeType
 * @property {number|null} width
 * @property {number|null} height
 * @property {number|null} durationMs
 */

/**
 * @typedef {object} Reaction
 * @property {string} emoji
 * @property {number} count
 * @property {boolean} me true if I reacted with this emoji
 * @property {string[]} userIds the first few who reacted
 */

/**
 * @typedef {object} Delivery
 * @property {'sent'|'delivered_some'|'delivered_all'|'read_some'|'read_all'} status
 * @property {number} deliveredTo
 * @property {number} readBy
 * @property {number} recipients
 * @property {string[]} readerIds
 */

/**
 * @typedef {object} ThreadInfo
 * @property {number} replyCount
 * @property {string|null} lastReplyAt
 * @property {string[]} participantIds
 */

/**
 * A message. In the SDK's store, messages still in the outbox have `seq` null and `pending`
 * true; a send the server refused for good has `failed` set to the error.
 * @typedef {object} Message
 * @property {string} id
 * @property {string} conversationId
 * @property {number|null} seq
 * @property {string|null} senderId
 * @property {string|null} clientMessageId
 * @property {'text'|'code'|'image'|'file'|'voice'|'system'} type
 * @property {string|null} text
 * @property {string|null} codeLanguage
 * @property {Attachment[]} attachments
 * @property {string|null} replyToId
 * @property {string|null} threadRootId
 * @property {string[]} mentions
 * @property {boolean} mentionAll
 * @property {{messageId: string, conversationId: string, senderId: string|null}|null} forwardedFrom
 * @property {string} createdAt
 * @property {string|null} editedAt
 * @property {string|null} deletedAt
 * @property {string|null} [deletedBy]
 * @property {ThreadInfo} thread
 * @property {Reaction[]} reactions
 * @property {boolean} pinned
 * @property {Delivery|null} delivery
 * @property {boolean} [pending] SDK only: waiting in the outbox for the server's acknowledgement
 * @property {import('./errors.js').ParleyError} [failed] SDK only: the server refused the send for good
 */

/**
 * @typedef {object} MessageHistory
 * @property {Message[]} items ascending seq
 * @property {boolean} hasOlder
 * @property {boolean} hasNewer
 */

/**
 * What `POST /conversations/{id}/messages` takes, without `clientMessageId` (the SDK adds it).
 * @typedef {object} NewMessage
 * @property {'text'|'code'|'image'|'file'|'voice'} [type]
 * @property {string|null} [text]
 * @property {string|null} [codeLanguage]
 * @property {object[]} [attachments]
 * @property {string|null} [replyToId]
 * @property {string|null} [threadRootId]
 * @property {string[]} [mentions]
 * @property {boolean} [mentionAll]
 */

// ------------------------------------------------------------------ socket shapes

/**
 * @typedef {object} Presence
 * @property {string} userId
 * @property {'online'|'away'|'dnd'|'offline'} status
 * @property {string|null} lastSeenAt
 * @property {string|null} statusText
 */

/** @typedef {{conversationId: string, lastSeq: number}} Position */

/**
 * @typedef {object} ResumeResult
 * @property {Position[]} tooFarBehind nothing replayed: reload through REST
 * @property {Position[]} unknown conversations not named (joined while away)
 * @property {string[]} removed named conversations I no longer belong to
 */

// ------------------------------------------------------------------ persisted events (with seq)

/**
 * The envelope every persisted event shares; `data` depends on `event`.
 * @typedef {object} PersistedEventBase
 * @property {'event'} type
 * @property {string} conversationId
 * @property {number} seq
 * @property {string} at
 */

/** @typedef {PersistedEventBase & {event: 'message.created', data: {message: Message}}} MessageCreatedEvent */
/** @typedef {PersistedEventBase & {event: 'message.edited', data: {messageId: string, text: string|null, mentions: string[], mentionAll: boolean, editedAt: string}}} MessageEditedEvent */
/** @typedef {PersistedEventBase & {event: 'message.deleted', data: {messageId: string, deletedAt: string}}} MessageDeletedEvent */
/** @typedef {PersistedEventBase & {event: 'reaction.added', data: {messageId: string, userId: string, emoji: string}}} ReactionAddedEvent */
/** @typedef {PersistedEventBase & {event: 'reaction.removed', data: {messageId: string, userId: string, emoji: string}}} ReactionRemovedEvent */
/** @typedef {PersistedEventBase & {event: 'message.pinned', data: {messageId: string, userId: string|null}}} MessagePinnedEvent */
/** @typedef {PersistedEventBase & {event: 'message.unpinned', data: {messageId: string, userId: string|null}}} MessageUnpinnedEvent */
/** @typedef {PersistedEventBase & {event: 'conversation.created', data: {conversation: Conversation, members: {userId: string, role: Role}[]}}} ConversationCreatedEvent */
/** @typedef {PersistedEventBase & {event: 'conversation.updated', data: {title: string|null, description: string|null, avatarUrl: string|null, byUserId: string|null}}} ConversationUpdatedEvent */
/** @typedef {PersistedEventBase & {event: 'conversation.archived', data: {archived: boolean, byUserId: string|null}}} ConversationArchivedEvent */
/** @typedef {PersistedEventBase & {event: 'member.added', data: {userId: string, role: Role, byUserId: string|null}}} MemberAddedEvent */
/** @typedef {PersistedEventBase & {event: 'member.removed', data: {userId: string, byUserId: string|null}}} MemberRemovedEvent */
/** @typedef {PersistedEventBase & {event: 'member.role_changed', data: {userId: string, role: Role, byUserId: string|null}}} MemberRoleChangedEvent */

/**
 * @typedef {MessageCreatedEvent|MessageEditedEvent|MessageDeletedEvent|ReactionAddedEvent|ReactionRemovedEvent
 *   |MessagePinnedEvent|MessageUnpinnedEvent|ConversationCreatedEvent|ConversationUpdatedEvent
 *   |ConversationArchivedEvent|MemberAddedEvent|MemberRemovedEvent|MemberRoleChangedEvent} PersistedEvent
 */

// ------------------------------------------------------------------ events without seq

/** @typedef {{type: 'event', event: 'typing', data: {conversationId: string, userIds: string[]}}} TypingEvent */
/** @typedef {{type: 'event', event: 'presence', data: Presence}} PresenceEvent */
/** @typedef {{type: 'event', event: 'receipt', data: {conversationId: string, userId: string, readSeq: number, deliveredSeq: number}}} ReceiptEvent */
/** @typedef {{type: 'event', event: 'unread', data: {conversationId: string, unreadCount: number, mentionCount: number}}} UnreadEvent */
/** @typedef {{type: 'event', event: 'member.settings_changed', data: {conversationId: string, settings: MemberSettings}}} MemberSettingsChangedEvent */
/** @typedef {{type: 'event', event: 'conversation.available', data: {conversationId: string, lastSeq: number}}} ConversationAvailableEvent */

/**
 * @typedef {TypingEvent|PresenceEvent|ReceiptEvent|UnreadEvent|MemberSettingsChangedEvent
 *   |ConversationAvailableEvent} TransientEvent
 */

/** @typedef {PersistedEvent|TransientEvent} ServerEvent */

// ------------------------------------------------------------------ what Parley#on delivers

/**
 * The connection's state: `idle` before start, `connecting` (opening, authenticating),
 * `resuming` (replaying what was missed), `live`, `waiting` (backing off before the next
 * attempt), `stopped`.
 * @typedef {'idle'|'connecting'|'resuming'|'live'|'waiting'|'stopped'} ConnectionState
 */

/**
 * Every event name `Parley#on` accepts with the payload its listeners get. Protocol events
 * arrive once each, after de-duplication and in seq order per conversation; `state`, `error`,
 * `session` and `outbox` come from the SDK itself.
 * @typedef {{
 *   'message.created': MessageCreatedEvent,
 *   'message.edited': MessageEditedEvent,
 *   'message.deleted': MessageDeletedEvent,
 *   'reaction.added': ReactionAddedEvent,
 *   'reaction.removed': ReactionRemovedEvent,
 *   'message.pinned': MessagePinnedEvent,
 *   'message.unpinned': MessageUnpinnedEvent,
 *   'conversation.created': ConversationCreatedEvent,
 *   'conversation.updated': ConversationUpdatedEvent,
 *   'conversation.archived': ConversationArchivedEvent,
 *   'member.added': MemberAddedEvent,
 *   'member.removed': MemberRemovedEvent,
 *   'member.role_changed': MemberRoleChangedEvent,
 *   'typing': TypingEvent,
 *   'presence': PresenceEvent,
 *   'receipt': ReceiptEvent,
 *   'unread': UnreadEvent,
 *   'member.settings_changed': MemberSettingsChangedEvent,
 *   'conversation.available': ConversationAvailableEvent,
 *   'state': {state: ConnectionState, previous: ConnectionState, closeCode?: number},
 *   'error': import('./errors.js').ParleyError,
 *   'session': import('./tokens.js').TokenResponse,
 *   'outbox': {clientMessageId: string, conversationId: string, status: 'queued'|'sent'|'failed', message?: Message, error?: import('./errors.js').ParleyError},
 * }} ParleyEventMap
 */

/** The names of the persisted events, in the order of the catalogue. */
export const PERSISTED_EVENTS = Object.freeze([
  'message.created', 'message.edited', 'message.deleted', 'reaction.added', 'reaction.removed',
  'message.pinned', 'message.unpinned', 'conversation.created', 'conversation.updated',
  'conversation.archived', 'member.added', 'member.removed', 'member.role_changed',
]);

/** The names of the events without seq. */
export const TRANSIENT_EVENTS = Object.freeze([
  'typing', 'presence', 'receipt', 'unread', 'member.settings_changed', 'conversation.available',
]);

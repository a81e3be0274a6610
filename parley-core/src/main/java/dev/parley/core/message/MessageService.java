package dev.parley.core.message;

import dev.parley.core.Ports;
import dev.parley.core.access.Access;
import dev.parley.core.access.Actor;
import dev.parley.core.access.Permission;
import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.error.ParleyException;
import dev.parley.core.error.Validation;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.Changes;
import dev.parley.core.support.RateLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sending, forwarding, editing and deleting messages. A send is idempotent per sender,
 * conversation and client message id; its seq is taken in the transaction that stores it, so
 * seqs are gap-free. Thread-safe.
 */
public final class MessageService {
    private final Ports ports;

    public MessageService(Ports ports) {
        this.ports = ports;
    }

    /**
     * Sends a message. A retry (same sender, conversation and client message id) is answered with
     * the original message, whatever has changed since: the retry is refused first (by the unique
     * key, the rate limit, or because the sender may no longer post there) and the original is
     * then looked up, so a first send costs no lookup.
     */
    public SendResult send(Actor actor, String conversationId, NewMessage message) {
        MessageRules.validateNew(message, actor instanceof Actor.Platform, ports.limits());
        String sender = actor.userIdOrNull();
        try {
            if (sender != null) RateLimits.check(ports.rateLimiter(), RateLimits.SEND, sender);
            return Changes.write(ports, conversationId, changes -> {
                Access access = postable(actor, conversationId);
                checkReferences(access.conversation(), message);
                return new SendResult(insert(changes, access, message, null), true, recipients(access));
            });
        } catch (ParleyException refused) {
            var original = existing(conversationId, sender, message.clientMessageId());
            if (original == null) throw refused;
            return original;
        }
    }

    /** Copies a message into another conversation the actor may post in, marked as forwarded. */
    public SendResult forward(Actor actor, String messageId, String targetConversationId, String clientMessageId) {
        new Validation()
                .require(clientMessageId != null, "clientMessageId", "is required")
                .matches(clientMessageId, MessageRules.CLIENT_MESSAGE_ID, "clientMessageId",
                        "must be 1-64 characters of A-Z a-z 0-9 _ . : -")
                .requireText(targetConversationId, "conversationId", 1, 64)
                .throwIfInvalid();
        String sender = actor.requireUserId();
        var earlier = existing(targetConversationId, sender, clientMessageId);
        if (earlier != null) return earlier;
        RateLimits.check(ports.rateLimiter(), RateLimits.SEND, sender);
        return Changes.write(ports, targetConversationId, changes -> {
            Message source = ports.messages().findById(messageId).orElseThrow(() -> ParleyException.notFound("Message"));
            Access.of(ports.conversations(), actor, source.conversationId());
            if (source.isDeleted()) throw ParleyException.conflict("A deleted message cannot be forwarded");
            Access target = postable(actor, targetConversationId);
            NewMessage copy = new NewMessage(clientMessageId, source.type() == MessageType.SYSTEM ? MessageType.TEXT : source.type(),
                    source.text(), source.codeLanguage(), source.attachments(), null, null, List.of(), false);
            Message.Forwarded from = source.forwardedFrom() != null ? source.forwardedFrom()
                    : new Message.Forwarded(source.id(), source.conversationId(), source.senderId());
            return new SendResult(insert(changes, target, copy, from), true, recipients(target));
        });
    }

    public Message edit(Actor actor, String messageId, String text, List<String> mentions, boolean mentionAll) {
        String me = actor.requireUserId();
        Message message = ports.messages().findById(messageId).orElseThrow(() -> ParleyException.notFound("Message"));
        MessageRules.validateEdit(message.type(), text, mentions, ports.limits());
        RateLimits.check(ports.rateLimiter(), RateLimits.EDIT, me);
        return Changes.write(ports, message.conversationId(), changes -> {
            Message current = ports.messages().findById(messageId).orElseThrow(() -> ParleyException.notFound("Message"));
            Access access = Access.of(ports.conversations(), actor, current.conversationId()).requireActive();
            if (!me.equals(current.senderId())) throw ParleyException.forbidden("Only the sender can edit a message");
            if (current.isDeleted()) throw ParleyException.conflict("A deleted message cannot be edited");
            List<String> mentioned = checkMentions(access.conversation(), mentions, mentionAll);
            String newText = text == null || text.isBlank() ? null : text;
            if (java.util.Objects.equals(newText, current.text()) && mentioned.equals(current.mentions())
                    && mentionAll == current.mentionsAll()) {
                return current;
            }
            Instant now = now();
            ports.messages().edit(messageId, newText, mentioned, mentionAll, now,
                    new MessageEdit(messageId, current.text(), now));
            changes.record(new ChatEvent.MessageEdited(current.conversationId(), changes.nextSeq(current.conversationId()),
                    now, messageId, newText, mentioned, mentionAll));
            return ports.messages().findById(messageId).orElseThrow();
        });
    }

    /** Soft-deletes a message, by its sender or a member allowed to delete any. Deleting twice is a no-op. */
    public Message delete(Actor actor, String messageId) {
        return Changes.write(ports, changes -> {
            Message current = ports.messages().findById(messageId).orElseThrow(() -> ParleyException.notFound("Message"));
            Access access = Access.of(ports.conversations(), actor, current.conversationId());
            boolean own = current.senderId() != null && current.senderId().equals(actor.userIdOrNull());
            if (!own && !access.allows(Permission.DELETE_ANY_MESSAGE)) {
                throw ParleyException.forbidden("You can delete only your own messages");
            }
            access.requireActive();
            if (current.isDeleted()) return current;
            Instant now = now();
            String by = actor.userIdOrNull();
            ports.messages().markDeleted(messageId, by, now);
            if (current.threadRootId() != null) ports.messages().refreshThreadStats(current.threadRootId());
            changes.record(new ChatEvent.MessageDeleted(current.conversationId(), changes.nextSeq(current.conversationId()),
                    now, messageId, by));
            return ports.messages().findById(messageId).orElseThrow();
        });
    }

    private Message insert(Changes changes, Access access, NewMessage m, Message.Forwarded forwardedFrom) {
        Conversation conversation = access.conversation();
        List<String> mentions = checkMentions(conversation, m.mentions(), m.mentionAll());
        String sender = access.actor().userIdOrNull();
        Instant now = now();
        Message draft = new Message(ports.ids().next("m"), conversation.id(), 0, sender, m.clientMessageId(), m.type(),
                m.text() == null || m.text().isBlank() ? null : m.text(), m.codeLanguage(),
                m.attachments() == null ? List.of() : List.copyOf(m.attachments()), m.replyToId(), m.threadRootId(),
                mentions, m.mentionAll(), forwardedFrom, now, null, null, null, Message.ThreadStats.NONE);
        long seq = ports.messages().insertNext(draft);
        Message message = draft.withSeq(seq);
        if (message.threadRootId() != null) ports.messages().refreshThreadStats(message.threadRootId());
        changes.record(new ChatEvent.MessageCreated(conversation.id(), seq, now, message));
        // The sender's markers move to the new message. Its message.created tells every member so,
        // the sender's devices included (nothing before one's own message is unread): no user event.
        if (sender != null) ports.conversations().advanceMarkers(conversation.id(), sender, seq);
        return message;
    }

    /** Members a person's new message is for, besides the sender. */
    private static long recipients(Access access) {
        return access.isPlatform() ? 0 : Math.max(0, access.memberCount() - 1);
    }

    /** The conversation as the actor sees it, if the actor may post there now. */
    private Access postable(Actor actor, String conversationId) {
        Access access = Access.of(ports.conversations(), actor, conversationId).requireActive();
        Conversation conversation = access.conversation();
        if (conversation.kind() == ConversationKind.ANNOUNCEMENT) {
            access.require(Permission.POST_ANNOUNCEMENTS);
        }
        if (conversation.kind() == ConversationKind.DIRECT) {
            String[] pair = conversation.directKey().split(":", 2);
            if (ports.users().isBlockedEitherWay(pair[0], pair[1])) {
                throw ParleyException.forbidden("You cannot message this user");
            }
        }
        return access;
    }

    private void checkReferences(Conversation conversation, NewMessage m) {
        Validation v = new Validation();
        MessageRules.validateMentionAll(v, m.mentionAll(), conversation.kind());
        if (m.replyToId() != null) {
            var target = ports.messages().findById(m.replyToId());
            v.require(target.isPresent() && target.get().conversationId().equals(conversation.id()),
                    "replyToId", "is not a message of this conversation");
        }
        if (m.threadRootId() != null) {
            var root = ports.messages().findById(m.threadRootId());
            boolean inConversation = root.isPresent() && root.get().conversationId().equals(conversation.id());
            v.require(inConversation, "threadRootId", "is not a message of this conversation");
            v.require(!inConversation || root.get().threadRootId() == null, "threadRootId",
                    "is a reply in a thread; reply to the thread's root");
            v.require(!inConversation || !root.get().isDeleted(), "threadRootId", "is deleted");
        }
        v.throwIfInvalid();
    }

    /** Mentions must name members; repeats are dropped. */
    private List<String> checkMentions(Conversation conversation, List<String> mentions, boolean mentionAll) {
        Validation v = new Validation();
        MessageRules.validateMentionAll(v, mentionAll, conversation.kind());
        if (mentions == null || mentions.isEmpty()) {
            v.throwIfInvalid();
            return List.of();
        }
        Set<String> members = new HashSet<>();
        ports.conversations().listMembers(conversation.id()).forEach(m -> members.add(m.userId()));
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(mentions));
        for (int i = 0; i < mentions.size(); i++) {
            v.require(members.contains(mentions.get(i)), "mentions[" + i + "]", "is not a member of this conversation");
        }
        v.throwIfInvalid();
        return List.copyOf(unique);
    }

    private SendResult existing(String conversationId, String sender, String clientMessageId) {
        return ports.messages().findByClientMessageId(conversationId, sender, clientMessageId)
                .map(m -> new SendResult(m, false, 0)).orElse(null);
    }

    private Instant now() {
        return ports.clock().instant();
    }
}

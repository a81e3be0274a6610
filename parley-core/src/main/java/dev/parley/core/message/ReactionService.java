package dev.parley.core.message;

import dev.parley.core.Ports;
import dev.parley.core.access.Access;
import dev.parley.core.access.Actor;
import dev.parley.core.access.Permission;
import dev.parley.core.error.ParleyException;
import dev.parley.core.error.Validation;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.Changes;
import dev.parley.core.support.RateLimits;
import java.time.Instant;

/**
 * Reactions (one per user, message and emoji) and pins. Adding what exists or removing what does
 * not is a no-op without an event. Thread-safe.
 */
public final class ReactionService {
    private final Ports ports;

    public ReactionService(Ports ports) {
        this.ports = ports;
    }

    public void react(Actor actor, String messageId, String emoji) {
        String me = actor.requireUserId();
        validateEmoji(emoji);
        RateLimits.check(ports.rateLimiter(), RateLimits.REACT, me);
        Changes.write(ports, changes -> {
            Message message = live(actor, messageId);
            Instant now = ports.clock().instant();
            if (ports.messages().addReaction(messageId, me, emoji, now)) {
                changes.record(new ChatEvent.ReactionAdded(message.conversationId(),
                        changes.nextSeq(message.conversationId()), now, messageId, me, emoji));
            }
            return null;
        });
    }

    public void unreact(Actor actor, String messageId, String emoji) {
        String me = actor.requireUserId();
        validateEmoji(emoji);
        Changes.write(ports, changes -> {
            Message message = live(actor, messageId);
            if (ports.messages().removeReaction(messageId, me, emoji)) {
                changes.record(new ChatEvent.ReactionRemoved(message.conversationId(),
                        changes.nextSeq(message.conversationId()), ports.clock().instant(), messageId, me, emoji));
            }
            return null;
        });
    }

    public void pin(Actor actor, String messageId) {
        Changes.write(ports, changes -> {
            Message message = pinnable(actor, messageId);
            Instant now = ports.clock().instant();
            if (ports.messages().pin(messageId, message.conversationId(), actor.userIdOrNull(), now)) {
                changes.record(new ChatEvent.MessagePinned(message.conversationId(),
                        changes.nextSeq(message.conversationId()), now, messageId, actor.userIdOrNull()));
            }
            return null;
        });
    }

    public void unpin(Actor actor, String messageId) {
        Changes.write(ports, changes -> {
            Message message = pinnable(actor, messageId);
            if (ports.messages().unpin(messageId)) {
                changes.record(new ChatEvent.MessageUnpinned(message.conversationId(),
                        changes.nextSeq(message.conversationId()), ports.clock().instant(), messageId, actor.userIdOrNull()));
            }
            return null;
        });
    }

    /** A live message in an active conversation the actor belongs to. */
    private Message live(Actor actor, String messageId) {
        Message message = ports.messages().findById(messageId).orElseThrow(() -> ParleyException.notFound("Message"));
        Access.of(ports.conversations(), actor, message.conversationId()).requireActive();
        if (message.isDeleted()) throw ParleyException.conflict("The message is deleted");
        return message;
    }

    private Message pinnable(Actor actor, String messageId) {
        Message message = ports.messages().findById(messageId).orElseThrow(() -> ParleyException.notFound("Message"));
        Access.of(ports.conversations(), actor, message.conversationId())
                .require(Permission.PIN_MESSAGES).requireActive();
        if (message.isDeleted()) throw ParleyException.conflict("The message is deleted");
        return message;
    }

    /** An emoji is one short grapheme sequence without letters, digits, spaces or markup. */
    static void validateEmoji(String emoji) {
        Validation v = new Validation();
        v.requireText(emoji, "emoji", 1, 16);
        if (emoji != null && !emoji.isBlank()) {
            boolean plain = emoji.codePoints().allMatch(cp ->
                    !Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp) && cp != '<' && cp != '>' && cp != '&'
                            && cp != '"' && cp != '\'' && !Character.isISOControl(cp));
            v.require(plain, "emoji", "must be an emoji");
        }
        v.throwIfInvalid();
    }
}

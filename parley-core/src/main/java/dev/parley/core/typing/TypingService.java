package dev.parley.core.typing;

import dev.parley.core.Ports;
import dev.parley.core.access.Access;
import dev.parley.core.access.Actor;
import dev.parley.core.access.Permission;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.error.Validation;
import dev.parley.core.port.TypingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typing indicators: a member marks themself as typing in a conversation they may post in; the
 * mark lapses after {@link TypingRules#ttl()} without a refresh, and refreshes sooner than
 * {@link TypingRules#minInterval()} are ignored. Every change yields the full set of typers, never
 * a delta. Nothing is persisted. Thread-safe.
 */
public final class TypingService {
    private final Ports ports;
    private final TypingStore store;
    private final TypingRules rules;

    public TypingService(Ports ports, TypingStore store, TypingRules rules) {
        this.ports = ports;
        this.store = store;
        this.rules = rules;
    }

    /**
     * Marks the actor as typing. Returns the new set of typers when the actor was not typing
     * before; empty for a refresh (or an ignored, too frequent one). 404 for a conversation the
     * actor cannot see, 403 where they may not post, 409 in an archived one.
     */
    public Optional<TypingChange> start(Actor actor, String conversationId) {
        String me = actor.requireUserId();
        requireConversationId(conversationId);
        Instant now = ports.clock().instant();
        Optional<Typer> earlier = store.find(conversationId, me).filter(t -> t.isLiveAt(now));
        if (earlier.isPresent() && rules.tooSoon(earlier.get(), now)) return Optional.empty();
        ports.tx().read(() -> {
            Access access = Access.of(ports.conversations(), actor, conversationId).requireActive();
            if (access.conversation().kind() == ConversationKind.ANNOUNCEMENT) {
                access.require(Permission.POST_ANNOUNCEMENTS);
            }
            return access;
        });
        Instant startedAt = earlier.map(Typer::startedAt).orElse(now);
        Optional<Typer> replaced = store.put(conversationId, new Typer(me, startedAt, now, now.plus(rules.ttl())))
                .filter(t -> t.isLiveAt(now));
        return replaced.isPresent() ? Optional.empty() : Optional.of(change(conversationId, now));
    }

    /** Clears the actor's typing mark. Returns the new set of typers if the actor was typing; 404 as for start. */
    public Optional<TypingChange> stop(Actor actor, String conversationId) {
        String me = actor.requireUserId();
        requireConversationId(conversationId);
        ports.tx().read(() -> Access.of(ports.conversations(), actor, conversationId));
        // A lapsed mark not yet swept counts too: the sweep would have announced its removal.
        boolean removed = store.remove(conversationId, me);
        return removed ? Optional.of(change(conversationId, ports.clock().instant())) : Optional.empty();
    }

    /** The conversation's current typers, in the order they started; 404 for a conversation the actor cannot see. */
    public List<String> typers(Actor actor, String conversationId) {
        requireConversationId(conversationId);
        ports.tx().read(() -> Access.of(ports.conversations(), actor, conversationId));
        return userIds(conversationId, ports.clock().instant());
    }

    /** Drops the marks that lapsed; returns the new set of typers of every conversation that lost one. */
    public List<TypingChange> expire() {
        Instant now = ports.clock().instant();
        List<TypingChange> changes = new ArrayList<>();
        for (String conversationId : store.removeExpired(now)) {
            changes.add(change(conversationId, now));
        }
        return changes;
    }

    private TypingChange change(String conversationId, Instant now) {
        return new TypingChange(conversationId, userIds(conversationId, now));
    }

    private List<String> userIds(String conversationId, Instant now) {
        return store.list(conversationId, now).stream().map(Typer::userId).toList();
    }

    private static void requireConversationId(String conversationId) {
        new Validation().requireText(conversationId, "conversationId", 1, 64).throwIfInvalid();
    }
}

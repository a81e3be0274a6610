package dev.parley.server.ws;

import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.UserEvent;
import dev.parley.core.port.EventBus;
import dev.parley.core.port.MembershipIndex;
import dev.parley.core.presence.Presence;
import dev.parley.core.presence.PresenceService;
import dev.parley.core.typing.TypingChange;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what happened to the connections that should know. Persisted events (one bus subscription)
 * go to the connections of the conversation's members, serialised once and handed to each
 * connection's ordered delivery. Marker moves become {@code receipt} events for the members (made
 * from the event, without a read) and an {@code unread} event for the user's own connections
 * (counted off the lanes, see {@link UnreadNotices}); settings changes go to the user's own
 * connections. Typing goes to the connections focusing the conversation, presence to connected
 * users who share a conversation with the user. Runs on the bus's delivery threads (and the
 * callers' for typing and presence); never on a socket reader.
 */
final class FanOut implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final ConnectionRegistry registry;
    private final MemberCache members;
    private final UnreadNotices unread;
    private final PresenceService presence;
    private AutoCloseable subscription;

    FanOut(ConnectionRegistry registry, MemberCache members, MembershipIndex memberships, PresenceService presence) {
        this.registry = registry;
        this.members = members;
        this.unread = new UnreadNotices(registry, memberships);
        this.presence = presence;
    }

    void subscribe(EventBus bus) {
        subscription = bus.subscribe(this::chat, this::user);
    }

    void chat(ChatEvent event) {
        Set<String> recipients = members.recipients(event);
        if (!registry.anyConnected(recipients)) return;
        String frame = EventFrames.of(event);
        for (String userId : recipients) {
            for (Connection connection : registry.of(userId)) connection.deliver(event, frame);
        }
    }

    void user(UserEvent event) {
        switch (event) {
            case UserEvent.MarkersMoved moved -> {
                receipt(moved);
                if (moved.readMoved()) unread.readMoved(moved.userId(), moved.conversationId());
            }
            case UserEvent.SettingsChanged changed -> {
                if (!registry.isConnected(changed.userId())) return;
                toUser(changed.userId(), EventFrames.settingsChanged(changed), OutboundQueue.Kind.CONTENT);
            }
        }
    }

    /** The full set of typers to the connections focusing the conversation. */
    void typing(TypingChange change) {
        Set<Connection> watching = registry.focusing(change.conversationId());
        if (watching.isEmpty()) return;
        String frame = EventFrames.typing(change);
        for (Connection connection : watching) connection.sendLive(frame, OutboundQueue.Kind.EPHEMERAL);
    }

    /** A user's presence to the connected users who may see it. */
    void presence(Presence change) {
        Set<String> connected = registry.connectedUserIds();
        if (connected.isEmpty()) return;
        Set<String> audience;
        try {
            audience = presence.audienceOf(change.userId(), connected);
        } catch (RuntimeException e) {
            LOG.warn("Could not find who sees the presence of {}", change.userId(), e);
            return;
        }
        if (audience.isEmpty()) return;
        String frame = EventFrames.presence(change);
        for (String userId : audience) toUser(userId, frame, OutboundQueue.Kind.EPHEMERAL);
    }

    /** The user's markers to every member of the conversation, from the event itself (no read). */
    private void receipt(UserEvent.MarkersMoved moved) {
        Set<String> to = members.members(moved.conversationId());
        if (!registry.anyConnected(to)) return;
        String frame = EventFrames.receipt(moved);
        for (String recipient : to) toUser(recipient, frame, OutboundQueue.Kind.CONTENT);
    }

    private void toUser(String userId, String frame, OutboundQueue.Kind kind) {
        for (Connection connection : registry.of(userId)) connection.sendLive(frame, kind);
    }

    @Override
    public void close() {
        if (subscription == null) return;
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Could not unsubscribe from the event bus", e);
        }
    }
}

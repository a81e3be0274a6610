package dev.parley.core.presence;

import dev.parley.core.error.Validation;
import dev.parley.core.port.LastSeenStore;
import dev.parley.core.port.MembershipIndex;
import dev.parley.core.port.PresenceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Presence: who is online, away, busy or offline, with an optional status text. Transports report
 * connections opening and closing and every request; {@link #tick} applies the passing of time
 * (idle users turn away, users whose grace period ended turn offline and get their last-seen time
 * stored, status texts expire). Every call that changes what others see returns that presence,
 * for the transport to announce. A user's presence is visible only to the user and to users who
 * share a conversation with them. Nothing but last-seen times is persisted. Thread-safe.
 */
public final class PresenceService {
    public static final int MAX_USERS_PER_GET = 100;
    public static final int MAX_STATUS_TEXT = 200;

    private final PresenceStore store;
    private final LastSeenStore lastSeen;
    private final MembershipIndex memberships;
    private final Clock clock;
    private final PresenceRules rules;

    public PresenceService(PresenceStore store, LastSeenStore lastSeen, MembershipIndex memberships, Clock clock,
                           PresenceRules rules) {
        this.store = store;
        this.lastSeen = lastSeen;
        this.memberships = memberships;
        this.clock = clock;
        this.rules = rules;
    }

    public PresenceRules rules() {
        return rules;
    }

    /**
     * A connection of the user opened. A user who was offline starts afresh (online, no chosen
     * status, no text); one within the grace period simply continues, so a reconnect does not
     * flap. Records the last-seen time. Returns the presence to announce, if it changed.
     */
    public Optional<Presence> connected(String userId) {
        Instant now = clock.instant();
        Optional<Presence> change = change(userId, now, s -> {
            PresenceState base = s == null || !rules.isConnected(s, now) ? PresenceState.fresh(userId, now) : s;
            return base.withConnectionOpened(now);
        });
        lastSeen.record(userId, now);
        return change;
    }

    /** A connection of the user closed; the last one starts the grace period (see {@link #tick}). */
    public void disconnected(String userId) {
        Instant now = clock.instant();
        store.update(userId, s -> s == null ? null : s.withConnectionClosed(now));
    }

    /** The user made a request. Returns the presence to announce if the user comes back from idle. */
    public Optional<Presence> active(String userId) {
        Instant now = clock.instant();
        return change(userId, now, s -> s == null ? null : s.withActivity(now));
    }

    /**
     * Sets the user's chosen status ({@code online} means automatic: away when idle) and, when
     * {@code statusText} is not null, the status text (blank clears it) with an optional expiry.
     * 400 for an unknown status, a text longer than {@value #MAX_STATUS_TEXT} characters, an
     * expiry without a text or not in the future.
     */
    public PresenceUpdate set(String userId, String status, String statusText, Instant statusExpiresAt) {
        Instant now = clock.instant();
        PresenceStatus chosen = PresenceStatus.fromWire(status);
        boolean clearsText = statusText != null && statusText.isBlank();
        Validation v = new Validation();
        v.require(status != null, "status", "is required");
        v.require(status == null || (chosen != null && chosen != PresenceStatus.OFFLINE), "status",
                "must be one of online, away, dnd");
        v.optionalText(statusText, "statusText", MAX_STATUS_TEXT);
        v.require(statusExpiresAt == null || (statusText != null && !clearsText), "statusExpiresAt",
                "needs a statusText");
        v.require(statusExpiresAt == null || statusExpiresAt.isAfter(now), "statusExpiresAt", "must be in the future");
        v.throwIfInvalid();
        AtomicReference<Presence> announced = new AtomicReference<>();
        PresenceState state = store.update(userId, s -> {
            PresenceState base = s == null ? PresenceState.fresh(userId, now) : s;
            String text = statusText == null ? base.statusText() : clearsText ? null : statusText.strip();
            Instant expiry = statusText == null ? base.statusExpiresAt() : clearsText ? null : statusExpiresAt;
            PresenceState next = base.withChoice(chosen, text, expiry).withActivity(now);
            return announceIfChanged(next, now, announced);
        });
        return new PresenceUpdate(rules.visible(state, now), announced.get() != null);
    }

    /**
     * The presence of those of {@code userIds} the viewer may see (themself and users who share a
     * conversation with them), in the order asked; others and unknown ids are left out. 400 for
     * more than {@value #MAX_USERS_PER_GET} ids or an id that is not a string of 1-64 characters.
     */
    public List<Presence> get(String viewerId, List<String> userIds) {
        Validation v = new Validation();
        v.require(userIds != null, "userIds", "is required");
        v.maxSize(userIds, "userIds", MAX_USERS_PER_GET);
        if (userIds != null) {
            for (int i = 0; i < userIds.size() && i < MAX_USERS_PER_GET; i++) {
                v.requireText(userIds.get(i), "userIds[" + i + "]", 1, 64);
            }
        }
        v.throwIfInvalid();
        Set<String> asked = new LinkedHashSet<>(userIds);
        Set<String> visible = audienceOf(viewerId, asked);
        return presenceOf(asked.stream().filter(visible::contains).toList());
    }

    /** The presence of users, in the given order, without a visibility check: for the user themself and announcements. */
    public List<Presence> presenceOf(Collection<String> userIds) {
        Instant now = clock.instant();
        Map<String, PresenceState> states = store.findAll(userIds);
        List<String> offline = userIds.stream()
                .filter(id -> !states.containsKey(id) || !rules.isConnected(states.get(id), now)).toList();
        Map<String, Instant> seen = offline.isEmpty() ? Map.of() : lastSeen.find(offline);
        List<Presence> result = new ArrayList<>(userIds.size());
        for (String id : userIds) {
            PresenceState state = states.get(id);
            if (state != null && rules.isConnected(state, now)) {
                result.add(rules.visible(state, now));
            } else {
                Instant at = seen.get(id);
                if (state != null && state.disconnectedAt() != null && (at == null || state.disconnectedAt().isAfter(at))) {
                    at = state.disconnectedAt();
                }
                result.add(Presence.offline(id, at));
            }
        }
        return result;
    }

    /** Those of {@code candidates} who may see {@code userId}'s presence: the user and everyone sharing a conversation. */
    public Set<String> audienceOf(String userId, Collection<String> candidates) {
        if (candidates.isEmpty()) return Set.of();
        Set<String> audience = new HashSet<>(memberships.sharingAConversation(userId, candidates));
        if (candidates.contains(userId)) audience.add(userId);
        return audience;
    }

    /**
     * Applies the passing of time to every stored user: returns the presences that now look
     * different (idle users turned away, expired status texts, users whose grace period ended
     * turned offline). Offline users are forgotten and their last-seen time is stored.
     */
    public List<Presence> tick() {
        Instant now = clock.instant();
        List<Presence> changes = new ArrayList<>();
        for (String userId : store.userIds()) {
            AtomicReference<Presence> announced = new AtomicReference<>();
            AtomicReference<Instant> wentOffline = new AtomicReference<>();
            store.update(userId, s -> {
                announced.set(null);
                wentOffline.set(null);
                if (s == null) return null;
                if (!rules.isConnected(s, now)) {
                    wentOffline.set(s.disconnectedAt());
                    Presence offline = rules.visible(s, now);
                    if (!offline.looksLike(s.announced())) announced.set(offline);
                    return null;
                }
                return announceIfChanged(s, now, announced);
            });
            if (wentOffline.get() != null) lastSeen.record(userId, wentOffline.get());
            if (announced.get() != null) changes.add(announced.get());
        }
        return changes;
    }

    /** Stores "last seen now" for every connected user; for a shutdown, so their last-seen time is not stale. */
    public void recordConnectedAsSeen() {
        Instant now = clock.instant();
        for (String userId : store.userIds()) {
            store.find(userId).filter(s -> rules.isConnected(s, now)).ifPresent(s -> lastSeen.record(userId, now));
        }
    }

    /** The user's own presence now (offline if they have no state). */
    public Presence presenceOf(String userId) {
        return presenceOf(List.of(userId)).getFirst();
    }

    private Optional<Presence> change(String userId, Instant now, UnaryOperator<PresenceState> change) {
        AtomicReference<Presence> announced = new AtomicReference<>();
        store.update(userId, s -> {
            announced.set(null);
            PresenceState next = change.apply(s);
            return next == null ? null : announceIfChanged(next, now, announced);
        });
        return Optional.ofNullable(announced.get());
    }

    /** The state with {@code announced} updated if others would now see something different; records the change. */
    private PresenceState announceIfChanged(PresenceState s, Instant now, AtomicReference<Presence> announced) {
        Presence visible = rules.visible(s, now);
        if (visible.looksLike(s.announced())) {
            announced.set(null);
            return s;
        }
        announced.set(visible);
        return s.withAnnounced(visible);
    }
}

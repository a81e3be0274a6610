package dev.parley.core.typing;

import java.time.Instant;

/**
 * One user typing in one conversation: since when, when the client last said so, and when the
 * entry lapses without another refresh.
 */
public record Typer(String userId, Instant startedAt, Instant refreshedAt, Instant expiresAt) {

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

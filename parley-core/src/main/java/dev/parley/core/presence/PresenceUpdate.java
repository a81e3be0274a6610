package dev.parley.core.presence;

/** A user's presence after a call, and whether others should be told (it looks different now). */
public record PresenceUpdate(Presence presence, boolean changed) {
}

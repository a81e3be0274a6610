package dev.parley.core;

import dev.parley.core.port.ConversationStore;
import dev.parley.core.port.EventBus;
import dev.parley.core.port.EventLog;
import dev.parley.core.port.IdSource;
import dev.parley.core.port.MessageStore;
import dev.parley.core.port.PasswordHasher;
import dev.parley.core.port.RateLimiter;
import dev.parley.core.port.SessionStore;
import dev.parley.core.port.Transactor;
import dev.parley.core.port.UserStore;
import java.time.Clock;

/** Everything the domain services need from the outside, wired once at start-up. */
public record Ports(
        Transactor tx,
        UserStore users,
        SessionStore sessions,
        ConversationStore conversations,
        MessageStore messages,
        EventLog eventLog,
        EventBus bus,
        IdSource ids,
        Clock clock,
        RateLimiter rateLimiter,
        PasswordHasher passwords,
        Limits limits) {
}

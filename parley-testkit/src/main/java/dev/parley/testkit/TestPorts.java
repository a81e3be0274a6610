package dev.parley.testkit;

import dev.parley.core.Limits;
import dev.parley.core.Ports;
import dev.parley.core.port.RateLimiter;

/** Ports over a store fixture with test doubles for everything else. */
public final class TestPorts {
    private TestPorts() {
    }

    public static Ports of(StoreFixture store, ManualClock clock, RecordingEventBus bus) {
        return of(store, clock, bus, RateLimiter.UNLIMITED, Limits.DEFAULTS);
    }

    public static Ports of(StoreFixture store, ManualClock clock, RecordingEventBus bus, RateLimiter rateLimiter,
                           Limits limits) {
        return new Ports(store.transactor(), store.users(), store.sessions(), store.conversations(), store.messages(),
                store.eventLog(), bus, new SequentialIdSource(), clock, rateLimiter, new FakePasswordHasher(), limits);
    }
}

package dev.parley.client.realtime;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** The settings of one realtime client, as {@link ParleyRealtimeBuilder} checked them. */
record RealtimeSettings(
        URI uri,
        Backoff backoff,
        Duration requestTimeout,
        Duration resumeTimeout,
        Duration connectTimeout,
        Duration pingInterval,
        Duration deliveredInterval,
        Duration tokenRenewLead,
        int historyPageSize,
        int initialHistory,
        int maxFrameChars,
        RandomGenerator random,
        Clock clock,
        Supplier<String> clientMessageIds,
        String name) {
}

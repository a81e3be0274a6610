package dev.parley.server.ws;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work of the socket layer, on one scheduled thread: every connection's deadlines and
 * pings, lapsed typing marks, and presence over time (idle, grace periods, expiring texts). A
 * failing round is logged and the next one runs as planned.
 */
final class Housekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Realtime hub;
    private final Clock clock;

    Housekeeping(Realtime hub, Clock clock) {
        this.hub = hub;
        this.clock = clock;
    }

    /** How often a round runs: often enough for the shortest deadline, at most every 250 ms. */
    static Duration period(Duration pingInterval, Duration authTimeout) {
        long shortest = Math.min(pingInterval.toMillis(), authTimeout.toMillis());
        return Duration.ofMillis(Math.clamp(shortest / 4, 20, 250));
    }

    void start(ScheduledExecutorService scheduler, Duration period) {
        scheduler.scheduleWithFixedDelay(this::round, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void round() {
        try {
            long nanos = System.nanoTime();
            var now = clock.instant();
            hub.registry.forEachOpen(connection -> connection.checkDeadlines(nanos, now));
        } catch (RuntimeException e) {
            LOG.warn("Checking connection deadlines failed", e);
        }
        try {
            hub.typing.expire().forEach(hub.fanOut::typing);
        } catch (RuntimeException e) {
            LOG.warn("Expiring typing marks failed", e);
        }
        try {
            hub.presence.tick().forEach(hub.fanOut::presence);
        } catch (RuntimeException e) {
            LOG.warn("Updating presence failed", e);
        }
    }
}

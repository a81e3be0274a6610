package dev.parley.server.config;

import java.time.Duration;

/**
 * The settings of the WebSocket protocol: the resume window, presence timing, each connection's
 * outbound queue, the frame limit, heartbeats and the authentication deadline.
 *
 * @param resumeMaxEvents most events replayed per conversation on resume; more missing is "too far behind"
 * @param presenceIdle    without a request for this long, an online user shows as away
 * @param presenceGrace   after the last connection closed, a user shows as offline only after this long
 * @param queueFrames     frames a connection's outbound queue holds (its byte budget is 4 KiB per frame, at least 1 MiB)
 * @param maxFrameBytes   largest frame a client may send; larger ones get an error reply (the transport closes
 *                        with 1009 only above {@link #HARD_FRAME_LIMIT_BYTES})
 * @param pingInterval    how often the server pings each connection
 * @param pingTimeout     a connection from which nothing (not even a pong) arrived for this long is closed
 * @param authTimeout     a connection that has not authenticated within this time is closed
 */
public record RealtimeSettings(
        int resumeMaxEvents,
        Duration presenceIdle,
        Duration presenceGrace,
        int queueFrames,
        int maxFrameBytes,
        Duration pingInterval,
        Duration pingTimeout,
        Duration authTimeout) {

    /** The transport's limit for any one message: above it the connection is closed with 1009. */
    public static final int HARD_FRAME_LIMIT_BYTES = 1_048_576;

    public static final RealtimeSettings DEFAULTS = new RealtimeSettings(1_000, Duration.ofMinutes(5),
            Duration.ofSeconds(10), 1_024, 65_536, Duration.ofSeconds(20), Duration.ofSeconds(45),
            Duration.ofSeconds(10));

    /** The byte budget of a connection's outbound queue: 4 KiB per frame, at least 1 MiB. */
    public long queueBytes() {
        return Math.max(1_048_576L, queueFrames * 4_096L);
    }
}

package dev.parley.client.realtime;

/** A handler registered with {@link ParleyRealtime#on}; closing it stops further calls. Idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}

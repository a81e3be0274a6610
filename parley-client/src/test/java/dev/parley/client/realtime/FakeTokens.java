package dev.parley.client.realtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Tokens "t0", "t1", … : each renewal hands out the next; renewals can be made to fail or run dry. */
final class FakeTokens implements TokenSource {
    private final AtomicReference<String> current = new AtomicReference<>("t0");
    final AtomicInteger renewals = new AtomicInteger();
    volatile boolean dry;

    @Override
    public String token() {
        return current.get();
    }

    @Override
    public String renew() {
        if (dry) return null;
        String next = "t" + renewals.incrementAndGet();
        current.set(next);
        return next;
    }
}

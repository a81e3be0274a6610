package dev.parley.testkit;

import dev.parley.core.port.IdSource;
import java.util.concurrent.atomic.AtomicLong;

/** Ids {@code <prefix>_000001}, {@code <prefix>_000002}, ... in call order. Thread-safe. */
public final class SequentialIdSource implements IdSource {
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String next(String prefix) {
        return prefix + "_" + String.format("%012d", counter.incrementAndGet());
    }
}

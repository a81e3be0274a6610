package dev.parley.server.id;

import dev.parley.core.port.IdSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * ULID-like ids: {@code <prefix>_} and 26 lower-case Crockford base32 characters, the first 10 a
 * 48-bit millisecond timestamp and the other 16 an 80-bit random number. Within one millisecond
 * (or if the clock steps back) the random part is incremented, so every id sorts after the one
 * before it from this source. Thread-safe.
 */
public final class TimeOrderedIdSource implements IdSource {
    static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,4}");
    private static final long MAX_TIME = (1L << 48) - 1;

    private final Clock clock;
    private final SecureRandom random;
    private long lastMillis = -1;
    private long randomHigh; // upper 16 bits of the 80-bit random part
    private long randomLow;  // lower 64 bits

    public TimeOrderedIdSource(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String next(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("An id prefix is 1-5 characters of a-z and 0-9, got " + prefix);
        }
        long millis;
        long high;
        long low;
        synchronized (this) {
            long now = Math.min(Math.max(clock.millis(), 0), MAX_TIME);
            if (now > lastMillis) {
                lastMillis = now;
                randomHigh = random.nextInt(1 << 16);
                randomLow = random.nextLong();
            } else if (++randomLow == 0 && ++randomHigh == (1 << 16)) {
                // The random part overflowed within one millisecond: borrow the next millisecond.
                lastMillis++;
                randomHigh = random.nextInt(1 << 15);
                randomLow = random.nextLong();
            }
            millis = lastMillis;
            high = randomHigh;
            low = randomLow;
        }
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (millis & 31));
            millis >>>= 5;
        }
        // 80 random bits = 16 characters: the low 64 bits fill 12 full characters plus 4 bits.
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET.charAt((int) (low & 31));
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return prefix + "_" + new String(out);
    }
}

package dev.parley.server.api.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes instants as the server's JSON writes every time: the text of {@link Instant#toString()}
 * (ISO-8601 in UTC, the fraction of a second in groups of three digits, none when it is zero).
 * Years 0 to 9999 are written from the date's numbers without a formatter; other years go through
 * {@code Instant.toString()}. A page of history writes a few hundred times, and the formatter was a
 * fifth of the page's JSON.
 */
final class IsoTimes {
    /** 0000-01-01T00:00:00Z and the first second after 9999-12-31T23:59:59Z. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long END_SECOND = 253_402_300_800L;
    private static final int SECONDS_PER_DAY = 86_400;

    private IsoTimes() {
    }

    /** Writes {@code time} as a JSON string, or null. */
    static void write(JsonGenerator g, Instant time) throws IOException {
        if (time == null) g.writeNull();
        else g.writeString(text(time));
    }

    /** The text of {@link Instant#toString()}. */
    static String text(Instant time) {
        long seconds = time.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) return time.toString();
        char[] text = new char[30];
        return new String(text, 0, format(seconds, time.getNano(), text));
    }

    private static int format(long epochSecond, int nanos, char[] out) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        int i = digits(date.getYear(), 4, out, 0);
        out[i++] = '-';
        i = digits(date.getMonthValue(), 2, out, i);
        out[i++] = '-';
        i = digits(date.getDayOfMonth(), 2, out, i);
        out[i++] = 'T';
        i = digits(secondOfDay / 3600, 2, out, i);
        out[i++] = ':';
        i = digits(secondOfDay / 60 % 60, 2, out, i);
        out[i++] = ':';
        i = digits(secondOfDay % 60, 2, out, i);
        if (nanos != 0) {
            out[i++] = '.';
            if (nanos % 1_000_000 == 0) {
                i = digits(nanos / 1_000_000, 3, out, i);
            } else if (nanos % 1_000 == 0) {
                i = digits(nanos / 1_000, 6, out, i);
            } else {
                i = digits(nanos, 9, out, i);
            }
        }
        out[i++] = 'Z';
        return i;
    }

    /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded; returns the next index. */
    private static int digits(int value, int width, char[] out, int at) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}

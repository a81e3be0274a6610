package dev.parley.server.config;

import dev.parley.core.support.RateLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One rate limit: at most {@code permits} actions per {@code period}, refilled smoothly. */
public record RateLimitRule(int permits, Duration period) {
    /** The actions that can be limited, as core names them. */
    public static final List<String> ACTIONS = List.of(RateLimits.SEND, RateLimits.EDIT, RateLimits.REACT,
            RateLimits.CREATE_CONVERSATION, RateLimits.LOGIN);

    private static final Pattern ENTRY = Pattern.compile("([a-z_]+)=(\\d{1,9})/(\\S+)");

    /** {@code send=30/10s,edit=20/10s,react=60/10s,create_conversation=10/60s,login=10/60s}. */
    public static final Map<String, RateLimitRule> DEFAULTS = parse(
            "send=30/10s,edit=20/10s,react=60/10s,create_conversation=10/60s,login=10/60s");

    public RateLimitRule {
        if (permits < 1) throw new IllegalArgumentException("permits must be at least 1");
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("period must be positive");
    }

    /**
     * Parses {@code action=permits/period,...}; actions not named keep their default. Throws
     * {@link IllegalArgumentException} naming the first bad entry.
     */
    public static Map<String, RateLimitRule> parse(String text) {
        Map<String, RateLimitRule> rules = new LinkedHashMap<>(DEFAULTS == null ? Map.of() : DEFAULTS);
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) continue;
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("entry \"" + entry + "\" is not like send=30/10s");
            }
            String action = m.group(1);
            if (!ACTIONS.contains(action)) {
                throw new IllegalArgumentException("unknown action \"" + action + "\" (known: " + String.join(", ", ACTIONS) + ")");
            }
            int permits = Integer.parseInt(m.group(2));
            if (permits < 1) throw new IllegalArgumentException("entry \"" + entry + "\" must allow at least 1 action");
            Duration period;
            try {
                period = Durations.parse(m.group(3));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry \"" + entry + "\": period " + e.getMessage());
            }
            if (period.isZero()) throw new IllegalArgumentException("entry \"" + entry + "\" needs a period above zero");
            rules.put(action, new RateLimitRule(permits, period));
        }
        return Map.copyOf(rules);
    }

    @Override
    public String toString() {
        return permits + "/" + Durations.format(period);
    }
}

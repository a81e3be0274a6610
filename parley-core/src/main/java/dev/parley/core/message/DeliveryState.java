package dev.parley.core.message;

import java.util.List;

/**
 * The state of one of my messages as its sender sees it: {@code sent}, {@code delivered} (to
 * some or all other members) or {@code read}, with who has read it.
 */
public record DeliveryState(Status status, int deliveredTo, int readBy, int recipients, List<String> readerIds) {
    public enum Status {
        SENT, DELIVERED_SOME, DELIVERED_ALL, READ_SOME, READ_ALL;

        private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

        public String wireName() {
            return wireName;
        }
    }
}

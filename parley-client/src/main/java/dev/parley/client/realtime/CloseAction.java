package dev.parley.client.realtime;

/**
 * What a client does when its socket closed, decided by the close code's range as
 * docs/protocol.md lays down: {@code 1000} and {@code 44xx} stop, {@code 41xx} get a fresh token
 * first, {@code 4000} (slow consumer) reconnects at once, everything else ({@code 1001},
 * {@code 1006} lost connection, {@code 1009}, {@code 1011}, other {@code 40xx}) reconnects with
 * backoff. Every reconnect resumes.
 */
public enum CloseAction {
    /** Stay closed: a normal close ({@code 1000}) or a refusal ({@code 44xx}). */
    STOP,
    /** Renew the token, then reconnect and resume ({@code 41xx}). */
    REAUTHENTICATE,
    /** Reconnect immediately and resume ({@code 4000}, slow consumer). */
    RECONNECT_NOW,
    /** Reconnect after a backoff delay and resume. */
    RECONNECT_WITH_BACKOFF;

    /** The action for a close code. */
    public static CloseAction of(int closeCode) {
        if (closeCode == 1000) return STOP;
        if (closeCode >= 4400 && closeCode <= 4499) return STOP;
        if (closeCode >= 4100 && closeCode <= 4199) return REAUTHENTICATE;
        if (closeCode == 4000) return RECONNECT_NOW;
        return RECONNECT_WITH_BACKOFF;
    }
}

package dev.parley.server.config;

/** How log lines are written: readable text or one JSON object per line. */
public enum LogFormat {
    TEXT, JSON;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

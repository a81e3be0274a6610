package dev.parley.server.config;

import java.util.List;

/** The settings are invalid; {@link #problems()} names every bad setting and what is wrong with it. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("Invalid configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

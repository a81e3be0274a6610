package dev.parley.e2e.realtime;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives realtime test classes a {@link RealtimeServer} shared by the run: started on first use
 * with short presence grace and a small resume window so those paths can be exercised quickly,
 * stopped when the run ends. Tests keep apart by creating their own users and conversations.
 */
final class SharedRealtimeServer implements ParameterResolver {
    /** How long after the last connection closed a user turns offline on the shared server. */
    static final String PRESENCE_GRACE = "1s";
    /** More missing events than this make a resume answer "too far behind". */
    static final int RESUME_MAX_EVENTS = 60;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealtimeServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(
                SharedRealtimeServer.class,
                key -> RealtimeServer.start(Map.of(
                        "PARLEY_PRESENCE_GRACE", PRESENCE_GRACE,
                        "PARLEY_RESUME_MAX_EVENTS", String.valueOf(RESUME_MAX_EVENTS))),
                RealtimeServer.class);
    }
}

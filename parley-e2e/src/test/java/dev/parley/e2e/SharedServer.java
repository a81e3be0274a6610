package dev.parley.e2e;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link Chat} on one server shared by every e2e test class of the run: started on
 * first use, stopped when the run ends (JUnit closes it with the root store). Tests keep apart
 * by creating their own users and conversations.
 */
final class SharedServer implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chat.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestServer server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(TestServer.class, key -> TestServer.start(Map.of()), TestServer.class);
        return new Chat(server);
    }
}

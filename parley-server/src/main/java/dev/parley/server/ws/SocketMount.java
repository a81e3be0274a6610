package dev.parley.server.ws;

import io.javalin.config.JavalinConfig;
import java.net.HttpCookie;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.ee10.websocket.servlet.WebSocketUpgradeFilter;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.UpgradeRequest;
import org.eclipse.jetty.websocket.api.UpgradeResponse;
import org.eclipse.jetty.websocket.api.WebSocketContainer;
import org.eclipse.jetty.websocket.common.JettyWebSocketFrameHandler;
import org.eclipse.jetty.websocket.common.JettyWebSocketFrameHandlerFactory;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.FrameHandlerFactory;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * Puts a WebSocket endpoint of Jetty's API ({@code Session.Listener}) on a path of a Javalin app,
 * beside Javalin's routes but not through Javalin's WebSocket routes, so that an open connection
 * keeps nothing of its HTTP upgrade. Measured per idle connection (ADR 0006):
 * <ul>
 *   <li>Javalin's WebSocket routes keep the upgrade's context for the life of the socket (the servlet
 *       request and response, and through them Jetty's HTTP connection, parser and channel), and
 *       open an HTTP session for every upgrade, which outlives the socket (Jetty's sessions do not
 *       expire by default), about 3.3 KB per connection.</li>
 *   <li>Jetty's own copy of the upgrade response still refers to the live response headers, and so to
 *       the same HTTP objects; its copy of the request keeps every header (the bearer token too).
 *       Connections mounted here get a stand-in instead: {@code Session.getUpgradeRequest()} and
 *       {@code getUpgradeResponse()} answer {@link #NOT_KEPT}, which holds nothing. Whatever an endpoint
 *       needs of the upgrade request it takes in {@code endpoints}, which runs during the upgrade.</li>
 * </ul>
 * The ceiling server of parley-bench mounts its sockets the same way, so both stand on the same stack.
 */
public final class SocketMount {
    /** What a mounted connection's session answers for its upgrade request and response: nothing was kept. */
    public static final NotKept NOT_KEPT = new NotKept();

    private SocketMount() {
    }

    /**
     * Mounts {@code endpoints} at {@code path} (a Jetty path spec, such as {@code /ws}).
     *
     * @param settings  sets the connections' limits (message sizes, idle timeout) on a fresh configuration
     * @param endpoints makes the endpoint of an upgrade (an object Jetty's API accepts, public, for
     *                  instance a {@code Session.Listener}); it runs during the upgrade and must not keep the request
     */
    public static void mount(JavalinConfig javalin, String path, Consumer<Configuration.ConfigurationCustomizer> settings,
                             Function<ServerUpgradeRequest, Object> endpoints) {
        Configuration.ConfigurationCustomizer limits = new Configuration.ConfigurationCustomizer();
        settings.accept(limits);
        javalin.jetty.modifyServletContextHandler(context -> JettyWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> {
                    WebSocketComponents components = WebSocketServerComponents.ensureWebSocketComponents(context.getServer(), context);
                    ForgetfulFrameHandlers frameHandlers = new ForgetfulFrameHandlers(container, components);
                    container.addBean(frameHandlers);
                    WebSocketUpgradeFilter.ensureFilter(servletContext);
                    WebSocketMappings.ensureMappings(context).addMapping(WebSocketMappings.parsePathSpec(path),
                            (request, response, callback) -> endpoints.apply(request), frameHandlers, limits);
                }));
    }

    /** Jetty's frame handlers, given {@link #NOT_KEPT} in place of their copies of the upgrade. */
    private static final class ForgetfulFrameHandlers extends JettyWebSocketFrameHandlerFactory implements FrameHandlerFactory {
        ForgetfulFrameHandlers(WebSocketContainer container, WebSocketComponents components) {
            super(container, components);
        }

        @Override
        public FrameHandler newFrameHandler(Object endpoint, ServerUpgradeRequest request, ServerUpgradeResponse response) {
            JettyWebSocketFrameHandler handler = newJettyFrameHandler(endpoint);
            handler.setUpgradeRequest(NOT_KEPT);
            handler.setUpgradeResponse(NOT_KEPT);
            return handler;
        }
    }

    /**
     * The upgrade request and response of a mounted connection, of which nothing was kept: no
     * headers, cookies, parameters, extensions or sub-protocols, no URI, host, method or user; the
     * status is 101 (the connection is open). One instance serves every connection.
     */
    public static final class NotKept implements UpgradeRequest, UpgradeResponse {
        private NotKept() {
        }

        @Override
        public List<HttpCookie> getCookies() {
            return List.of();
        }

        @Override
        public List<ExtensionConfig> getExtensions() {
            return List.of();
        }

        @Override
        public String getHeader(String name) {
            return null;
        }

        @Override
        public int getHeaderInt(String name) {
            return -1;
        }

        @Override
        public Set<String> getHeaderNames() {
            return Set.of();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return Map.of();
        }

        @Override
        public List<String> getHeaders(String name) {
            return List.of();
        }

        @Override
        public String getHost() {
            return null;
        }

        @Override
        public String getHttpVersion() {
            return null;
        }

        @Override
        public String getMethod() {
            return null;
        }

        @Override
        public String getOrigin() {
            return null;
        }

        @Override
        public Map<String, List<String>> getParameterMap() {
            return Map.of();
        }

        @Override
        public String getProtocolVersion() {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public URI getRequestURI() {
            return null;
        }

        @Override
        public List<String> getSubProtocols() {
            return List.of();
        }

        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean hasSubProtocol(String subProtocol) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAcceptedSubProtocol() {
            return null;
        }

        @Override
        public int getStatusCode() {
            return 101;
        }
    }
}

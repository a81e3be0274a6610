package dev.parley.e2e.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * What answers on the Parley server's address while the server is down, like a front proxy
 * keeping the app shell up during maintenance: the test pages and the SDK from the class path,
 * 503 for everything else (the API and the socket's upgrade). A page can so be reloaded while
 * Parley is unreachable, on the very same origin.
 */
final class ShellServer implements AutoCloseable {
    private final HttpServer http;

    private ShellServer(HttpServer http) {
        this.http = http;
    }

    /** Starts on 127.0.0.1 and {@code port} (the stopped Parley server's). */
    static ShellServer start(int port) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            http.createContext("/", ShellServer::answer);
            http.start();
            return new ShellServer(http);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String resource = path.startsWith("/test/") ? BrowserServer.PAGES_FOLDER + path.substring("/test".length())
                    : path.startsWith("/sdk/") ? "/dev/parley/web" + path : null;
            byte[] body;
            try (InputStream in = resource == null || path.contains("..") ? null : ShellServer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    body = "{\"error\":{\"code\":\"unavailable\",\"message\":\"Parley is down\",\"details\":[]}}"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(503, body.length);
                } else {
                    body = in.readAllBytes();
                    exchange.getResponseHeaders().set("Content-Type", contentType(path));
                    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                    exchange.sendResponseHeaders(200, body.length);
                }
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String contentType(String path) {
        if (path.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (path.endsWith(".css")) return "text/css; charset=utf-8";
        return "text/html; charset=utf-8";
    }

    @Override
    public void close() {
        http.stop(0);
    }
}

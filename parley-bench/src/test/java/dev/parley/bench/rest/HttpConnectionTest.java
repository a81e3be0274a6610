package dev.parley.bench.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generator's HTTP/1.1 connection reads sized and chunked answers and keeps the connection for the next request. */
@Timeout(20)
class HttpConnectionTest {
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + new String(request, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 3; i++) {
                    out.write(("part " + i + " ünïcode; ").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sizedAndChunkedAnswersArriveWholeOnOneKeptConnection() throws IOException {
        try (HttpConnection connection = new HttpConnection("127.0.0.1", server.getAddress().getPort())) {
            HttpConnection.Response sized = connection.exchange("POST", "/echo?x=1",
                    new String[] {"Authorization", "Bearer t-1", "Content-Type", "application/json"},
                    "{\"text\":\"héllo\"}".getBytes(StandardCharsets.UTF_8));
            HttpConnection.Response chunked = connection.exchange("GET", "/chunked", new String[0], null);
            HttpConnection.Response again = connection.exchange("GET", "/echo", new String[] {"Authorization", "Bearer t-2"}, null);

            assertThat(sized.status()).isEqualTo(201);
            assertThat(new String(sized.body(), StandardCharsets.UTF_8)).isEqualTo("POST /echo?x=1 Bearer t-1 {\"text\":\"héllo\"}");
            assertThat(chunked.status()).isEqualTo(200);
            assertThat(new String(chunked.body(), StandardCharsets.UTF_8))
                    .isEqualTo("part 0 ünïcode; part 1 ünïcode; part 2 ünïcode; ");
            assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo("GET /echo Bearer t-2 ");
            assertThat(again.reusable()).isTrue();
        }
    }
}

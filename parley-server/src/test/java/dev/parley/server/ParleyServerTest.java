package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ParleyServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void startsOnAFreePortKeepsTheSecretAndStops() throws Exception {
        ParleyServer server = new ParleyServer(config(Map.of())).start();
        int port = server.port();
        assertThat(port).isPositive();
        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(dir.resolve("data/jwt-secret")).exists();
        assertThat(dir.resolve("data/parley.db")).exists();
        server.stop();
        server.stop();
        assertThatThrownBy(() -> get(port, "/healthz")).isInstanceOf(ConnectException.class);
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requestsInFlightFinishDuringShutdownAndNewOnesAreRefused() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ParleyServer server = new ParleyServer(config(Map.of()), Clock.systemUTC(), javalin ->
                javalin.routes.get("/test/slow", ctx -> {
                    entered.countDown();
                    assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
                    ctx.result("finished");
                })).start();
        int port = server.port();
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> get(port, "/healthz")).isInstanceOf(IOException.class));
        assertThat(stopping).isNotDone();
        release.countDown();
        HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        stopping.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aServerThatCannotStartReleasesTheDatabase() throws Exception {
        ParleyServer first = new ParleyServer(config(Map.of())).start();
        try {
            ParleyServer clash = new ParleyServer(config(Map.of("PARLEY_PORT", String.valueOf(first.port()))));
            assertThatThrownBy(clash::start).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(clash::port).isInstanceOf(IllegalStateException.class);
        } finally {
            first.stop();
        }
    }

    @Test
    void aBadKeySetFileStopsTheStartWithItsName() throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), "{not json");
        ParleyServer server = new ParleyServer(config(Map.of("PARLEY_HOST_JWT_JWKS", jwks.toString())));
        assertThatThrownBy(server::start).hasMessageContaining(jwks.toString());
    }

    private ParleyConfig config(Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("PARLEY_HOST", "127.0.0.1", "PARLEY_PORT", "0",
                "PARLEY_DATA_DIR", dir.resolve("data").toString(), "PARLEY_SHUTDOWN_GRACE", "15s"));
        env.putAll(overrides);
        return ConfigLoader.load(env);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.parley.e2e;

import dev.parley.client.Exchange;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every HTTP exchange the e2e tests made (through the client or raw), kept for
 * {@link OpenApiContractTest} to validate against the OpenAPI document once all tests ran.
 */
final class Exchanges {
    private static final ConcurrentLinkedQueue<Exchange> ALL = new ConcurrentLinkedQueue<>();

    private Exchanges() {
    }

    static void record(Exchange exchange) {
        ALL.add(exchange);
    }

    static List<Exchange> all() {
        return List.copyOf(ALL);
    }
}

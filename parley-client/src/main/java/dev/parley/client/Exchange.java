package dev.parley.client;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * One completed HTTP exchange, as an {@link ParleyClient.Builder#onExchange exchange listener}
 * sees it: for logging, metrics or contract checks. Bodies are the raw text (empty when none).
 */
public record Exchange(String method, URI uri, String requestBody, int status, HttpHeaders responseHeaders,
                       String responseBody) {

    /** The response's content type without parameters, or null. */
    public String contentType() {
        return responseHeaders.firstValue("Content-Type").map(v -> v.split(";", 2)[0].strip()).orElse(null);
    }
}

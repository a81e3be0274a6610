package dev.parley.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.server.http.Json;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;

/** Writes the domain routes' answers: JSON through {@link Json#MAPPER}, or no content; optional bodies. */
final class Replies {
    private Replies() {
    }

    static void ok(Context ctx, Object body) {
        json(ctx, HttpStatus.OK, body);
    }

    /** 201 when this call created the resource, 200 when it returned an existing one (an idempotent repeat). */
    static void createdOrOk(Context ctx, boolean created, Object body) {
        json(ctx, created ? HttpStatus.CREATED : HttpStatus.OK, body);
    }

    static void noContent(Context ctx) {
        ctx.status(HttpStatus.NO_CONTENT);
    }

    static void json(Context ctx, HttpStatus status, Object body) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write the response as JSON", e);
        }
        json(ctx, status, bytes);
    }

    /** An answer whose JSON text is written already. */
    static void json(Context ctx, HttpStatus status, byte[] json) {
        ctx.status(status).contentType(ContentType.APPLICATION_JSON).result(json);
    }

    /** The body as {@code type}, or {@code empty} when the request has no body at all. */
    static <T> T optionalBody(Context ctx, Class<T> type, T empty) {
        return ctx.body().isBlank() ? empty : Json.body(ctx, type);
    }
}

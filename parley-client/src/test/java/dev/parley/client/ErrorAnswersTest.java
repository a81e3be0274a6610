package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.client.StubServer.Reply;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorAnswersTest {

    @Test
    void aValidationErrorCarriesCodeMessageAndFieldDetails() throws Exception {
        try (StubServer stub = new StubServer(r -> Reply.json(400, """
                {"error":{"code":"validation_failed","message":"The request is invalid",
                 "details":[{"field":"text","message":"is required"},{"field":"attachments[0].size","message":"too big"}]}}
                """))) {
            ParleyClient client = ParleyClient.builder(stub.url()).bearerToken("t").build();

            ParleyApiException e = catchThrowableOfType(ParleyApiException.class,
                    () -> client.messages().send("c1", dev.parley.client.model.NewMessage.text("x", "")));

            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("validation_failed");
            assertThat(e.errorMessage()).isEqualTo("The request is invalid");
            assertThat(e.details()).extracting(ParleyApiException.FieldError::field)
                    .containsExactly("text", "attachments[0].size");
            assertThat(e.hasFieldError("text")).isTrue();
            assertThat(e.retryAfter()).isNull();
        }
    }

    @Test
    void aRateLimitCarriesRetryAfterSeconds() throws Exception {
        try (StubServer stub = new StubServer(r -> new Reply(429,
                "{\"error\":{\"code\":\"rate_limited\",\"message\":\"Too many requests: send\",\"details\":[]}}",
                Map.of("Content-Type", "application/json", "Retry-After", "7")))) {
            ParleyClient client = ParleyClient.builder(stub.url()).bearerToken("t").build();

            ParleyApiException e = catchThrowableOfType(ParleyApiException.class, () -> client.users().me());

            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("rate_limited");
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            assertThat(e.details()).isEmpty();
        }
    }

    @Test
    void aBodyThatIsNotParleysErrorShapeGetsTheStatusCodeAndTheBodyStart() throws Exception {
        try (StubServer stub = new StubServer(r -> new Reply(502, "<html>Bad gateway</html>",
                Map.of("Content-Type", "text/html")))) {
            ParleyClient client = ParleyClient.builder(stub.url()).bearerToken("t").build();

            ParleyApiException e = catchThrowableOfType(ParleyApiException.class, () -> client.users().me());

            assertThat(e.status()).isEqualTo(502);
            assertThat(e.code()).isEqualTo("internal");
            assertThat(e.errorMessage()).isEqualTo("<html>Bad gateway</html>");
        }
    }

    @Test
    void anEmptyErrorBodyStillGivesTheCodeOfTheStatus() throws Exception {
        try (StubServer stub = new StubServer(r -> Reply.empty(404))) {
            ParleyClient client = ParleyClient.builder(stub.url()).bearerToken("t").build();

            ParleyApiException e = catchThrowableOfType(ParleyApiException.class, () -> client.messages().get("m1"));

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("not_found");
        }
    }

    @Test
    void retryAfterAcceptsAnHttpDate() {
        assertThat(Transport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(Transport.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
        assertThat(Transport.retryAfter("soon")).isNull();
    }

    @Test
    void anUnreachableServerIsAnUncheckedIoException() throws Exception {
        String url;
        try (StubServer stub = new StubServer(r -> Reply.empty(204))) {
            url = stub.url();
        }
        ParleyClient client = ParleyClient.builder(url).timeout(Duration.ofSeconds(5)).build();

        UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class, () -> client.operations().health());

        assertThat(e).hasMessageContaining("GET " + url + "/healthz");
    }
}

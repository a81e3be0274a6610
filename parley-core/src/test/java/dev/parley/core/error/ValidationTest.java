package dev.parley.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void collectsEveryFieldErrorBeforeThrowing() {
        Validation v = new Validation()
                .requireText(null, "title", 1, 10)
                .requireText("   ", "name", 1, 10)
                .requireText("x".repeat(11), "text", 1, 10)
                .maxSize(List.of(1, 2, 3), "ids", 2)
                .optionalText(null, "description", 5);
        assertThatThrownBy(v::throwIfInvalid)
                .isInstanceOfSatisfying(ParleyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.details()).extracting(FieldError::field).containsExactly("title", "name", "text", "ids");
                });
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        String emojiTen = "😀".repeat(10);
        assertThatCode(() -> new Validation().requireText(emojiTen, "text", 1, 10).throwIfInvalid()).doesNotThrowAnyException();
    }

    @Test
    void errorCodesMapToTheirStatuses() {
        assertThat(ErrorCode.VALIDATION_FAILED.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.RATE_LIMITED.httpStatus()).isEqualTo(429);
        assertThat(ErrorCode.RATE_LIMITED.wireName()).isEqualTo("rate_limited");
    }
}

package dev.parley.core.message;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.error.ParleyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmojiTest {
    @ParameterizedTest
    @ValueSource(strings = {"👍", "❤️", "👨‍👩‍👧", "🇫🇷", "😂"})
    void acceptsEmoji(String emoji) {
        assertThatCode(() -> ReactionService.validateEmoji(emoji)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "<script>", "1", "+1", "👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍"})
    void rejectsWhatIsNotAnEmoji(String emoji) {
        assertThatThrownBy(() -> ReactionService.validateEmoji(emoji)).isInstanceOf(ParleyException.class);
    }
}

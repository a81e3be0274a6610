package dev.parley.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.client.model.NewMessage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    private static OutboxEntry entry(String clientMessageId, String text) {
        return new OutboxEntry("c1", NewMessage.text(clientMessageId, text).mentioning("u_ann"), Samples.T0);
    }

    @Test
    void entriesKeepTheirOrderAndAClientMessageIdIsHeldOnce() {
        Outbox outbox = Outbox.inMemory();

        assertThat(outbox.add(entry("a", "one"))).isTrue();
        assertThat(outbox.add(entry("b", "two"))).isTrue();
        assertThat(outbox.add(entry("a", "other text"))).isFalse();

        assertThat(outbox.entries()).extracting(OutboxEntry::clientMessageId).containsExactly("a", "b");
        assertThat(outbox.entries().getFirst().message().text()).isEqualTo("one");
        assertThat(outbox.remove("a")).isTrue();
        assertThat(outbox.remove("a")).isFalse();
        assertThat(outbox.entries()).extracting(OutboxEntry::clientMessageId).containsExactly("b");
    }

    @Test
    void aFileOutboxSurvivesARestartWithEveryField() {
        Path file = dir.resolve("state/outbox.json");
        Outbox first = Outbox.file(file);
        first.add(entry("a", "one"));
        first.add(entry("b", "two"));
        first.remove("a");

        Outbox afterRestart = Outbox.file(file);

        assertThat(afterRestart.entries()).containsExactly(entry("b", "two"));
        assertThat(dir.resolve("state")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFileThatCannotBeWrittenRefusesTheEntryAndKeepsNothing() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where a directory should be");
        Outbox outbox = Outbox.file(blocked.resolve("outbox.json"));

        assertThatThrownBy(() -> outbox.add(entry("a", "one"))).isInstanceOf(UncheckedIOException.class);
        assertThat(outbox.entries()).isEmpty();
    }

    @Test
    void anUnreadableFileIsReportedNotIgnored() throws Exception {
        Path file = dir.resolve("outbox.json");
        Files.writeString(file, "{not json");

        assertThatThrownBy(() -> Outbox.file(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("outbox.json");
    }

    @Test
    void anEntryNeedsAConversationAndAClientMessageId() {
        assertThatThrownBy(() -> new OutboxEntry(" ", NewMessage.text("a", "x"), Samples.T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxEntry("c1", NewMessage.text(null, "x"), Samples.T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(entry("a", "x"))).hasSize(1);
    }
}

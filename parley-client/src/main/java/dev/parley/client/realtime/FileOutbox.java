package dev.parley.client.realtime;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An {@link Outbox} that survives a restart: a JSON array in one file, written to a temporary file
 * beside it and moved over it on every change, so the file is always either the old or the new
 * list. Thread-safe; one process should use one file.
 */
final class FileOutbox extends InMemoryOutbox {
    private final Path file;

    FileOutbox(Path file) {
        if (file == null) throw new IllegalArgumentException("file is required");
        this.file = file.toAbsolutePath();
        if (Files.exists(this.file)) {
            try {
                restore(RealtimeJson.MAPPER.readValue(this.file.toFile(), new TypeReference<List<OutboxEntry>>() { }));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the outbox " + this.file, e);
            }
        }
    }

    @Override
    void changed() {
        try {
            Path parent = file.getParent();
            if (parent != null) Files.createDirectories(parent);
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(RealtimeJson.MAPPER.writeValueAsBytes(current()));
                while (bytes.hasRemaining()) out.write(bytes);
                out.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the outbox " + file, e);
        }
    }
}

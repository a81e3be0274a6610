package dev.parley.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's PostgreSQL starts with log segment files ready for reuse, as one that has been running. */
class BenchDatabaseTest {
    @TempDir
    Path folder;

    @Test
    void postgresStartsWithItsLogSegmentsReadyForReuse() {
        try (BenchDatabase database = BenchDatabase.open("postgres", folder)) {
            // 16 MB each: a new database has one or two; the preparation leaves most of what it wrote.
            assertThat(database.logSegmentFiles()).isGreaterThanOrEqualTo(BenchDatabase.PREPARED_LOG_MB / 16 / 2);
        }
    }
}

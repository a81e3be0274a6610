package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.harness.BenchRunner;
import dev.parley.bench.harness.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every workload in smoke mode (seconds, tiny numbers) against Parley (its jar, built earlier
 * in the reactor) and the ceiling, and checks correctness only: nothing lost, nothing duplicated,
 * every send acknowledged, every connection opened, every page and search answered. Never speed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BenchSmokeTest {
    private static final Path SERVER_JAR = Path.of(System.getProperty("parley.server.jar",
            "../parley-server/target/parley.jar"));

    @Test
    void everyWorkloadIsCorrectAgainstParleyAndTheCeiling(@TempDir Path dir) {
        assertThat(SERVER_JAR).as("Parley's jar %s is missing: build parley-server first "
                + "(./mvnw -B -q package -DskipTests -pl parley-server -am)", SERVER_JAR.toAbsolutePath()).isRegularFile();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchCommand bench = new BenchCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        int exit = bench.execute("all", "--smoke", "--target", "both", "--server-jar", SERVER_JAR.toString(),
                "--store-dir", dir.resolve("store").toString(), "--work-dir", dir.resolve("work").toString(),
                "--json-out", dir.resolve("results.jsonl").toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        List<RunResult> results = bench.results();
        for (String target : List.of("ceiling", "parley")) {
            for (String workload : BenchRunner.WORKLOADS) {
                RunResult run = results.stream().filter(r -> r.target().equals(target) && r.workload().equals(workload))
                        .findFirst().orElseThrow(() -> new AssertionError(workload + " did not run against " + target));
                assertThat(run.problems()).as("%s against %s", workload, target).isEmpty();
                checkCounts(run);
            }
        }
        assertThat(exit).isZero();
        assertThat(printed).contains("| metric | ceiling | parley | parley / ceiling |");
        assertThat(dir.resolve("results.jsonl")).content().hasLineCount(results.size());
    }

    @Test
    void aWritingWorkloadLeavesItsServersLogButNotItsData(@TempDir Path dir) throws IOException {
        assertThat(SERVER_JAR).isRegularFile();
        BenchCommand bench = new BenchCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        Path work = dir.resolve("work");

        int exit = bench.execute("burst", "--smoke", "--target", "both", "--server-jar", SERVER_JAR.toString(),
                "--work-dir", work.toString());

        assertThat(exit).isZero();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(path -> path.getFileName().toString()).toList())
                    .as("the servers' logs stay, their data directories go")
                    .anyMatch(name -> name.startsWith("parley-") && name.endsWith(".log"))
                    .noneMatch(name -> name.contains("-data-"));
        }
    }

    /** What each workload must have done, beyond reporting no problem. */
    private static void checkCounts(RunResult run) {
        String what = run.workload() + " against " + run.target();
        switch (run.workload()) {
            case "fanout" -> {
                // 5 conversations × 1 sender at 20 msg/s for 2 s: 40 messages, each to 3 other members.
                assertThat(run.number("messagesSent")).as(what).isEqualTo(40);
                assertThat(run.number("e2eCount")).as(what).isEqualTo(40);
                assertThat(run.number("lostDeliveries") + run.number("duplicateDeliveries")).as(what).isZero();
            }
            case "burst" -> {
                assertThat(run.number("messagesSent")).as(what).isEqualTo(50);
                assertThat(run.number("e2eCount")).as(what).isEqualTo(50);
                assertThat(run.number("unackedMessages")).as(what).isZero();
            }
            case "connections" -> {
                assertThat(run.number("connected")).as(what).isEqualTo(50);
                assertThat(run.number("openAfterHold")).as(what).isEqualTo(50);
            }
            case "rest-send" -> assertThat(run.number("sendCount")).as(what).isPositive();
            case "history" -> {
                // 2 clients × the newest, middle and oldest page, each checked for place and size.
                assertThat(run.number("checkedPages")).as(what).isEqualTo(6);
                assertThat(run.number("failed")).as(what).isZero();
            }
            case "search" -> {
                assertThat(run.number("checkedSearches")).as(what).isEqualTo(12);
                assertThat(run.number("failed")).as(what).isZero();
            }
            default -> throw new AssertionError("unexpected workload " + run.workload());
        }
    }
}

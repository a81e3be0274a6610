package dev.parley.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmProbeTest {
    private static final String BEFORE = """
            4242:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         15390         757688  [B (java.base@25.0.3)
               2:          3302         425688  java.lang.Class (java.base@25.0.3)
               3:            10            240  dev.parley.Gone
            Total         18702        1183616
            """;
    private static final String AFTER = """
            4242:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         25390        1757688  [B (java.base@25.0.3)
               2:          3302         425688  java.lang.Class (java.base@25.0.3)
               3:          1000          32000  dev.parley.New
               4:             1             16  dev.parley.New
            Total         29693        2215408
            """;

    @Test
    void aHistogramGivesItsTotalsAndWhatGrewPerClassLargestFirst() {
        JvmProbe.Histogram before = JvmProbe.parseHistogram(BEFORE).orElseThrow();
        JvmProbe.Histogram after = JvmProbe.parseHistogram(AFTER).orElseThrow();
        assertThat(before.bytes()).isEqualTo(1183616);
        assertThat(after.instances()).isEqualTo(29693);
        assertThat(after.classes().get("dev.parley.New")).as("one name twice (two loaders) is added up")
                .isEqualTo(new JvmProbe.ClassUse("dev.parley.New", 1001, 32016));

        List<JvmProbe.ClassUse> growth = after.growthSince(before);
        assertThat(growth).containsExactly(
                new JvmProbe.ClassUse("[B", 10000, 1000000),
                new JvmProbe.ClassUse("dev.parley.New", 1001, 32016),
                new JvmProbe.ClassUse("java.lang.Class", 0, 0),
                new JvmProbe.ClassUse("dev.parley.Gone", -10, -240));
    }

    @Test
    void textWithoutATotalIsNoHistogram() {
        assertThat(JvmProbe.parseHistogram("4242:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file"))
                .isEmpty();
    }

    @Test
    void nativeMemoryGivesTheCommittedTotalItsCategoriesAndThreads() {
        String summary = """
                4242:

                Native Memory Tracking:

                (Omitting categories weighting less than 1KB)

                Total: reserved=7742678KB, committed=100342KB
                       malloc: 18786KB #46054, peak=24360KB #46703
                       mmap:   reserved=7723892KB, committed=81556KB

                -                 Java Heap (reserved=6172672KB, committed=16384KB)
                                            (mmap: reserved=6172672KB, committed=16384KB, peak=393216KB)

                -                    Thread (reserved=19518KB, committed=970KB)
                                            (threads #19)
                                            (stack: reserved=19456KB, committed=908KB, peak=908KB)

                -                     Other (reserved=10KB, committed=10KB)
                                            (malloc=10KB tag=Other #2) (at peak)
                """;
        JvmProbe.NativeMemory memory = JvmProbe.parseNativeMemory(summary).orElseThrow();
        assertThat(memory.committedKb()).isEqualTo(100342);
        assertThat(memory.threads()).isEqualTo(19);
        assertThat(memory.categoriesKb()).containsEntry("Java Heap", 16384L).containsEntry("Thread", 970L)
                .containsEntry("Other", 10L).hasSize(3);
        assertThat(memory.outsideHeapKb()).isEqualTo(100342 - 16384);

        JvmProbe.NativeMemory later = new JvmProbe.NativeMemory(100342 + 1024 + 1000 + 5 - 970, 19,
                java.util.Map.of("Java Heap", 16384L + 1024, "Other", 10L + 1000, "Symbol", 5L));
        assertThat(later.outsideHeapKb() - memory.outsideHeapKb()).as("the heap's own growth is left out").isEqualTo(1000 + 5 - 970);
        assertThat(later.growthSince(memory)).containsExactly(java.util.Map.entry("Java Heap", 1024L),
                java.util.Map.entry("Other", 1000L), java.util.Map.entry("Symbol", 5L), java.util.Map.entry("Thread", -970L));
    }

    @Test
    void aJvmWithoutNativeMemoryTrackingGivesNone() {
        assertThat(JvmProbe.parseNativeMemory("4242:\nNative memory tracking is not enabled\n")).isEmpty();
    }
}

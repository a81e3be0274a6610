package dev.parley.bench.workload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.bench.harness.BenchSettings;
import dev.parley.bench.harness.RunResult;
import dev.parley.bench.harness.TargetServer;
import dev.parley.bench.rest.RestApi;
import dev.parley.bench.store.Corpus;
import dev.parley.bench.store.StoreLayout;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code history} and {@code search} over REST on a generated store. History reads 50-message
 * pages of the newest, the middle and the oldest messages of the caller's conversations and checks
 * every page is complete and in the right place; search runs typical searches (common words in
 * several scripts, a rare term, two words) over the caller's conversations. Clients are store
 * users, each reading its own conversations.
 */
public final class StoreWorkloads {
    public static final String HISTORY = "history";
    public static final String SEARCH = "search";
    private static final int PAGE = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoreWorkloads() {
    }

    /** The generated store as the clients see it. */
    public record Store(StoreLayout layout, List<String> conversationIds) {
    }

    private record Client(String token, List<String> conversations) {
    }

    private static List<Client> clients(TargetServer target, Store store, int count) {
        Instant expires = Instant.now().plus(Duration.ofHours(2));
        List<Client> clients = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int u = c % store.layout().users();
            List<String> conversations = store.layout().conversationsOf(u).stream().map(store.conversationIds()::get).toList();
            clients.add(new Client(target.tokens().token(StoreLayout.subject(u), StoreLayout.displayName(u), expires),
                    conversations));
        }
        return clients;
    }

    public static RunResult history(TargetServer target, BenchSettings settings, Store store) {
        List<Client> clients = clients(target, store, settings.concurrency());
        int n = store.layout().messagesPerConversation();
        long lastSeq = n + 1L; // seq 1 is the conversation's creation
        long middle = 2 + n / 2;
        boolean strict = target.kind().equals(TargetServer.PARLEY);
        RestApi api = target.api();
        SocketRun.Cpu[] cpu = new SocketRun.Cpu[1];
        Thread meter = SocketRun.meterAfterWarmup(target, settings, cpu);
        ClosedLoop.Call call = (c, k) -> {
            Client client = clients.get(c);
            String conversation = client.conversations().get((int) ((k / 3) % client.conversations().size()));
            return switch ((int) (k % 3)) {
                case 0 -> page("newest", api.history(client.token(), conversation, "limit=" + PAGE), strict,
                        Math.min(PAGE, n), -1, lastSeq);
                case 1 -> page("middle", api.history(client.token(), conversation, "limit=" + PAGE + "&before=" + middle),
                        strict, Math.min(PAGE, n / 2), -1, middle - 1);
                default -> page("oldest", api.history(client.token(), conversation, "limit=" + PAGE + "&after=0"), strict,
                        Math.min(PAGE, n), 2, -1);
            };
        };
        // Every client reads each kind of page once, checked but not timed, so each kind is checked
        // even when a short run is all cold start.
        List<String> checkFailures = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            for (long k = 0; k < 3; k++) check(call, c, k, checkFailures);
        }
        ClosedLoop.Totals totals = ClosedLoop.run(clients.size(), settings.warmup(), settings.shortDuration(), call);
        RunResult result = new RunResult(HISTORY, target.kind(), settings.database(), settings.smoke())
                .parameter("storeMessages", store.layout().messages())
                .parameter("conversations", store.layout().conversations())
                .parameter("clients", clients.size())
                .parameter("pageSize", PAGE)
                .parameter("durationSec", settings.shortDuration().toMillis() / 1000.0);
        SocketRun.joinMeter(meter, cpu, result);
        result.metric("pagesPerSec", totals.calls.sum() / totals.seconds);
        for (String kind : List.of("newest", "middle", "oldest")) {
            var histogram = totals.of(kind);
            result.metric(kind + "P50Ms", histogram.percentileMillis(50));
            result.metric(kind + "P99Ms", histogram.percentileMillis(99));
            result.metric(kind + "Count", histogram.count());
        }
        result.metric("checkedPages", clients.size() * 3L);
        result.metric("failed", totals.failures.sum() + checkFailures.size());
        checkFailures.forEach(result::problem);
        if (totals.calls.sum() == 0) result.problem("no page was read");
        if (totals.failures.sum() > 0) result.problem(totals.failures.sum() + " pages wrong or missing; first: " + totals.firstFailure.get());
        return result;
    }

    public static RunResult search(TargetServer target, BenchSettings settings, Store store) {
        List<Client> clients = clients(target, store, settings.concurrency());
        RestApi api = target.api();
        LongAdder empty = new LongAdder();
        SocketRun.Cpu[] cpu = new SocketRun.Cpu[1];
        Thread meter = SocketRun.meterAfterWarmup(target, settings, cpu);
        ClosedLoop.Call call = (c, k) -> {
            String text = Corpus.SEARCHES.get((int) ((k + c) % Corpus.SEARCHES.size()));
            RestApi.Answer answer = api.search(clients.get(c).token(), text, 20);
            if (answer.status() != 200) return new ClosedLoop.Outcome("search", "search \"" + text + "\": HTTP " + answer.status() + " " + answer.body());
            JsonNode items = MAPPER.readTree(answer.body()).path("items");
            if (!items.isArray()) return new ClosedLoop.Outcome("search", "search \"" + text + "\": no items in " + answer.body());
            if (items.isEmpty()) empty.increment();
            return ClosedLoop.Outcome.ok("search");
        };
        // Every search once, checked but not timed.
        List<String> checkFailures = new ArrayList<>();
        for (long k = 0; k < Corpus.SEARCHES.size(); k++) check(call, 0, k, checkFailures);
        empty.reset();
        ClosedLoop.Totals totals = ClosedLoop.run(clients.size(), settings.warmup(), settings.shortDuration(), call);
        RunResult result = new RunResult(SEARCH, target.kind(), settings.database(), settings.smoke())
                .parameter("storeMessages", store.layout().messages())
                .parameter("clients", clients.size())
                .parameter("searches", Corpus.SEARCHES)
                .parameter("durationSec", settings.shortDuration().toMillis() / 1000.0);
        SocketRun.joinMeter(meter, cpu, result);
        result.metric("searchesPerSec", totals.calls.sum() / totals.seconds);
        result.latency("search", totals.all);
        result.metric("emptyResults", empty.sum());
        result.metric("checkedSearches", Corpus.SEARCHES.size());
        result.metric("failed", totals.failures.sum() + checkFailures.size());
        checkFailures.forEach(result::problem);
        if (totals.calls.sum() == 0) result.problem("no search ran");
        if (totals.failures.sum() > 0) result.problem(totals.failures.sum() + " searches failed; first: " + totals.firstFailure.get());
        return result;
    }

    private static void check(ClosedLoop.Call call, int client, long k, List<String> failures) {
        try {
            ClosedLoop.Outcome outcome = call.call(client, k);
            if (outcome.failure() != null) failures.add(outcome.failure());
        } catch (Exception e) {
            failures.add(e.toString());
        }
    }

    /**
     * Checks a history page: HTTP 200, {@code count} items in ascending seq, the first seq
     * {@code firstSeq} and the last {@code lastSeq} (-1: not checked). The ceiling's synthetic pages
     * are checked for status and size only ({@code strict} false).
     */
    private static ClosedLoop.Outcome page(String kind, RestApi.Answer answer, boolean strict, int count, long firstSeq,
                                           long lastSeq) throws IOException {
        if (answer.status() != 200) return new ClosedLoop.Outcome(kind, kind + " page: HTTP " + answer.status() + " " + answer.body());
        long[] seqs = itemSeqs(answer.content());
        if (seqs == null || seqs.length != count) {
            return new ClosedLoop.Outcome(kind, kind + " page has " + (seqs == null ? "no" : seqs.length) + " items, expected " + count);
        }
        if (!strict) return ClosedLoop.Outcome.ok(kind);
        for (int i = 1; i < seqs.length; i++) {
            if (seqs[i] <= seqs[i - 1]) return new ClosedLoop.Outcome(kind, kind + " page is not in ascending seq");
        }
        long first = seqs[0];
        long last = seqs[seqs.length - 1];
        if (firstSeq >= 0 && first != firstSeq) return new ClosedLoop.Outcome(kind, kind + " page starts at seq " + first + ", expected " + firstSeq);
        if (lastSeq >= 0 && last != lastSeq) return new ClosedLoop.Outcome(kind, kind + " page ends at seq " + last + ", expected " + lastSeq);
        return ClosedLoop.Outcome.ok(kind);
    }

    /**
     * The {@code seq} of every element of the answer's {@code items} array, in order, read with a
     * streaming parser over the answer's bytes that skips everything else without building a tree
     * or decoding its strings (a page is 30 KB; a tree of it cost the generator about as much CPU
     * as the server spent on the page's JSON). The
     * whole text is still parsed, so malformed JSON fails. Null when there is no {@code items} array;
     * an item without a seq counts with {@link Long#MIN_VALUE}.
     */
    static long[] itemSeqs(byte[] json) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return null;
            long[] seqs = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean items = "items".equals(parser.currentName());
                if (parser.nextToken() == JsonToken.START_ARRAY && items) {
                    seqs = seqsOfItems(parser);
                } else {
                    parser.skipChildren();
                }
            }
            return seqs;
        }
    }

    private static long[] seqsOfItems(JsonParser parser) throws IOException {
        long[] seqs = new long[64];
        int n = 0;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            long seq = Long.MIN_VALUE;
            if (item == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isSeq = "seq".equals(parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (isSeq && value == JsonToken.VALUE_NUMBER_INT) seq = parser.getLongValue();
                    else parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
            if (n == seqs.length) seqs = Arrays.copyOf(seqs, n * 2);
            seqs[n++] = seq;
        }
        return Arrays.copyOf(seqs, n);
    }
}

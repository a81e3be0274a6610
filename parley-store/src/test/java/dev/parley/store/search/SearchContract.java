package dev.parley.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.message.MessageType;
import dev.parley.core.search.SearchQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageSearch} must do, run against a database migrated with the dialect's
 * Flyway migrations. Rows are written with plain SQL, as the message store writes them.
 */
abstract class SearchContract {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String ALICE = "u-alice";
    private static final String BOB = "u-bob";
    private static final String GENERAL = "c-general";
    private static final String RANDOM = "c-random";
    private static final String SECRET = "c-secret";

    private final Map<String, Long> lastSeq = new HashMap<>();
    private int posted;

    /** The migrated database; rows are removed before each test. */
    protected abstract Jdbi jdbi();

    protected abstract MessageSearch search();

    /** What the message store does in a transaction that wrote messages, before it commits. */
    protected abstract void beforeCommit(Handle handle);

    @BeforeEach
    void seedPeopleAndConversations() {
        jdbi().useHandle(h -> {
            for (String table : List.of("messages", "conversation_members", "conversations", "users")) {
                h.execute("DELETE FROM " + table);
            }
            for (String user : List.of(ALICE, BOB)) {
                h.execute("INSERT INTO users (id, username, search_key, created_at) VALUES (?, ?, ?, ?)",
                        user, user, user, T0.toEpochMilli());
            }
            for (String conversation : List.of(GENERAL, RANDOM, SECRET)) {
                h.execute("INSERT INTO conversations (id, kind, title, created_at, last_activity_at) VALUES (?, 'group', ?, ?, ?)",
                        conversation, conversation, T0.toEpochMilli(), T0.toEpochMilli());
            }
            join(h, GENERAL, ALICE);
            join(h, GENERAL, BOB);
            join(h, RANDOM, ALICE);
            join(h, SECRET, BOB);
        });
        lastSeq.clear();
        posted = 0;
    }

    // ---- languages and scripts

    @Test
    void findsEnglishWordsAndRequiresEveryTerm() {
        String release = post("We ship the release on Friday");
        post("Lunch at noon");

        assertThat(ids("release")).containsExactly(release);
        assertThat(ids("RELEASE friday")).containsExactly(release);
        assertThat(ids("release lunch")).isEmpty();
        assertThat(ids("tuesday")).isEmpty();
    }

    @Test
    void ignoresAccentsAndCase() {
        String cafe = post("Un café au lait, s'il vous plaît");
        String resume = post("Mon résumé est prêt");
        String cafeteria = post("Cafeteria closed today");

        assertThat(ids("cafe")).containsExactly(cafe, cafeteria);
        assertThat(ids("CAFÉ")).containsExactly(cafe, cafeteria);
        assertThat(ids("resume")).containsExactly(resume);
        assertThat(ids("RÉSUMÉ pret")).containsExactly(resume);
        assertThat(ids("plait")).containsExactly(cafe);
    }

    @Test
    void findsPartsOfGermanCompoundsBelowWholeWords() {
        String request = post("Ich habe deine Freundschaftsanfrage erhalten");
        String friend = post("Der Freund kommt morgen");

        assertThat(ids("freund")).containsExactly(friend, request);
        assertThat(ids("anfrage")).containsExactly(request);
        assertThat(ids("SCHAFT")).containsExactly(request);
    }

    @Test
    void findsChineseWithoutSpacesIncludingTwoCharacterWords() {
        String study = post("我喜欢学习中文");
        String weather = post("今天天气很好");

        assertThat(ids("学习中文")).containsExactly(study);
        assertThat(ids("中文")).containsExactly(study);
        assertThat(ids("天气")).containsExactly(weather);
        assertThat(ids("好")).containsExactly(weather);
        assertThat(ids("日本")).isEmpty();
        assertThat(ids("学习 天气")).isEmpty();
    }

    @Test
    void findsTwoCharacterWordsAnywhereInLongerTexts() {
        String start = post("会议明天上午十点在三楼开始请准时参加");
        String middle = post("请大家明天上午准时参加会议并带上报告");
        String end = post("明天上午十点我们在三楼开会议");
        String alone = post("会议");
        String mixed = post("Kubernetes 会议 at 10:00");
        post("今天天气很好");

        assertThat(ids("会议")).containsExactly(mixed, alone, end, middle, start);
        assertThat(ids("会")).containsExactly(mixed, alone, end, middle, start);
        assertThat(ids("开会")).containsExactly(end);
        assertThat(ids("会议 kubernetes")).containsExactly(mixed);
        assertThat(ids("报告 会议")).containsExactly(middle);
    }

    @Test
    void findsJapaneseWithoutSpaces() {
        String tower = post("東京タワーに行きました");
        String ramen = post("ラーメンを食べたい");

        assertThat(ids("タワー")).containsExactly(tower);
        assertThat(ids("東京")).containsExactly(tower);
        assertThat(ids("食べ")).containsExactly(ramen);
        assertThat(ids("ラーメン 東京")).isEmpty();
        assertThat(ids("ーメン")).containsExactly(ramen);
        assertThat(ids("ワー")).containsExactly(tower);
    }

    @Test
    void keepsJapaneseVoicedKanaApart() {
        String glass = post("ガラスのコップ");
        String karaoke = post("カラオケに行こう");

        assertThat(ids("ガラス")).containsExactly(glass);
        assertThat(ids("カラ")).containsExactly(karaoke);
        assertThat(ids("ガラ")).containsExactly(glass);
    }

    @Test
    void findsTermsThatMixScripts() {
        String slack = post("Slackで確認してください");
        String invoice = post("請求書2041号を送りました");

        assertThat(ids("slackで")).containsExactly(slack);
        assertThat(ids("Slackで確認")).containsExactly(slack);
        assertThat(ids("slack")).containsExactly(slack);
        assertThat(ids("書2041")).containsExactly(invoice);
        assertThat(ids("2041")).containsExactly(invoice);
    }

    @Test
    void findsHyphenatedWordsWholeAndInParts() {
        String email = post("Please send me an e-mail today");
        String capital = post("The E-Mail was delivered");
        String plain = post("Email is fine");
        String tools = post("We use state-of-the-art tools");
        String war = post("The art of war");

        assertThat(ids("e-mail")).containsExactlyInAnyOrder(email, capital).doesNotContain(plain);
        assertThat(ids("state-of-the-art")).containsExactly(tools);
        assertThat(ids("mail")).contains(email, capital);
        assertThat(ids("art")).containsExactlyInAnyOrder(tools, war);
        String plural = post("Two e-mails arrived");
        assertThat(ids("e-mail")).containsExactly(capital, email, plural);
    }

    // ---- index maintenance

    @Test
    void editsAreReindexed() {
        String meeting = post("Meeting moved to Tuesday");
        update("UPDATE messages SET text = 'Meeting moved to Thursday', edited_at = ? WHERE id = ?",
                T0.plusSeconds(600).toEpochMilli(), meeting);

        assertThat(ids("tuesday")).isEmpty();
        assertThat(ids("tues")).isEmpty();
        assertThat(ids("thursday")).containsExactly(meeting);
        assertThat(ids("thurs")).containsExactly(meeting);
        assertThat(ids("meeting")).containsExactly(meeting);

        update("UPDATE messages SET text = '会议改到星期四', edited_at = ? WHERE id = ?",
                T0.plusSeconds(700).toEpochMilli(), meeting);
        assertThat(ids("thursday")).isEmpty();
        assertThat(ids("会议")).containsExactly(meeting);
        assertThat(ids("星期")).containsExactly(meeting);
    }

    @Test
    void deletedMessagesDropOut() {
        String plan = post("secret plan 秘密计划");
        String other = post("another plan");
        update("UPDATE messages SET text = NULL, deleted_at = ?, deleted_by = ? WHERE id = ?",
                T0.plusSeconds(600).toEpochMilli(), ALICE, plan);

        assertThat(ids("secret")).isEmpty();
        assertThat(ids("cret")).isEmpty();
        assertThat(ids("秘密")).isEmpty();
        assertThat(ids("plan")).containsExactly(other);
    }

    @Test
    void rowsRemovedFromMessagesLeaveTheIndex() {
        String gone = post("ephemeral words");
        update("DELETE FROM messages WHERE id = ?", gone);
        String next = post("something else entirely");

        assertThat(ids("ephemeral")).isEmpty();
        assertThat(ids("phemer")).isEmpty();
        assertThat(ids("else")).containsExactly(next);
    }

    // ---- access and filters

    @Test
    void neverShowsConversationsOfOthers() {
        String mine = post(GENERAL, BOB, "budget numbers 预算 ok");
        String hidden = post(SECRET, BOB, "budget numbers 预算 ok");

        for (String text : List.of("budget", "numbers", "udge", "预算", "ok")) {
            assertThat(ids(text)).as(text).containsExactly(mine);
            assertThat(ids(BOB, query(text))).as(text).containsExactlyInAnyOrder(mine, hidden);
        }
        assertThat(ids(ALICE, query("budget").withConversation(SECRET))).isEmpty();
    }

    @Test
    void aMemberWhoLeftNoLongerFindsTheConversation() {
        String said = post(RANDOM, ALICE, "quarterly roadmap review");
        assertThat(ids("roadmap")).containsExactly(said);

        jdbi().useHandle(h -> h.execute("DELETE FROM conversation_members WHERE conversation_id = ? AND user_id = ?",
                RANDOM, ALICE));

        assertThat(ids("roadmap")).isEmpty();
        assertThat(ids("oadma")).isEmpty();
    }

    @Test
    void searchesManyConversationsNewestFirstAndNeverAnotherMembersOwn() {
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String conversation = "c-team-" + i;
            jdbi().useHandle(h -> {
                h.execute("INSERT INTO conversations (id, kind, title, created_at, last_activity_at) VALUES (?, 'group', ?, ?, ?)",
                        conversation, conversation, T0.toEpochMilli(), T0.toEpochMilli());
                join(h, conversation, ALICE);
            });
            many.add(conversation);
        }
        String first = post(many.get(0), ALICE, "deploy window one");
        String second = post(many.get(1), ALICE, "deploy window two");
        for (int i = 2; i < 12; i++) post(many.get(i), ALICE, "chatter " + i);
        String third = post(many.get(11), ALICE, "deploy window three");
        post(SECRET, BOB, "deploy window secret");
        String fourth = post(many.get(2), ALICE, "deploy window four");
        String partOnly = post(many.get(0), ALICE, "redeployment planned");

        // The newest messages are in conversations 3 and 12; the oldest hits in 1 and 2, which
        // are not among the conversations with the newest messages.
        assertThat(ids("deploy")).containsExactly(fourth, third, second, first, partOnly);
        assertThat(ids(ALICE, query("deploy").page(0, 2))).containsExactly(fourth, third);
        assertThat(ids(ALICE, query("deploy").page(1, 2))).containsExactly(third, second);
        assertThat(ids(ALICE, query("deploy").page(3, 2))).containsExactly(first, partOnly);
        assertThat(ids(ALICE, query("window deploy").page(2, 10))).containsExactly(second, first);
        assertThat(ids(ALICE, query("deploy").withConversation(many.get(0)))).containsExactly(first, partOnly);
        assertThat(ids(BOB, query("deploy"))).hasSize(1).doesNotContain(first, second, third, fourth, partOnly);
    }

    @Test
    void appliesEveryFilter() {
        long minute = 60_000;
        String first = post(GENERAL, ALICE, MessageType.TEXT, "deploy notes one", T0);
        String second = post(GENERAL, BOB, MessageType.CODE, "deploy notes two", T0.plusMillis(minute));
        String third = post(RANDOM, BOB, MessageType.TEXT, "deploy notes three", T0.plusMillis(2 * minute));

        assertThat(ids(ALICE, query("deploy").withConversation(RANDOM))).containsExactly(third);
        assertThat(ids(ALICE, query("deploy").withSender(BOB))).containsExactlyInAnyOrder(second, third);
        assertThat(ids(ALICE, query("deploy").withType(MessageType.CODE))).containsExactly(second);
        assertThat(ids(ALICE, query("deploy").between(T0.plusMillis(minute), null)))
                .containsExactlyInAnyOrder(second, third);
        assertThat(ids(ALICE, query("deploy").between(null, T0.plusMillis(2 * minute))))
                .containsExactlyInAnyOrder(first, second);
        assertThat(ids(ALICE, query("deploy").between(T0.plusMillis(minute), T0.plusMillis(minute + 1))))
                .containsExactly(second);
        assertThat(ids(ALICE, query("deploy").withConversation(GENERAL).withSender(ALICE)))
                .containsExactly(first);
    }

    // ---- ranking and paging

    @Test
    void ranksWholeWordsFirstThenNewestFirstWithinEachTier() {
        String olderWhole = post("Release notes are ready");
        String olderPart = post("The prerelease build is green");
        String newerWhole = post("A long message that mentions the release only once among many other words");
        String newerPart = post("Both releases shipped");

        List<SearchMatch> found = matches("release");
        assertThat(found).extracting(SearchMatch::messageId).containsExactly(newerWhole, olderWhole, newerPart, olderPart);
        assertThat(found).extracting(SearchMatch::score).containsExactly(1.0, 1.0, 0.5, 0.5);
    }

    @Test
    void ranksSubstringMatchesNewestFirst() {
        String strong = post("Freundeskreis, Freundeskreis");
        String weak = post("Ein langer Text über den Freundeskreis und viele andere Dinge, die hier auch noch stehen");

        assertThat(ids("reundesk")).containsExactly(weak, strong);
        String shortText = post("学习中文");
        String longText = post("我们每天都在学校里面学习很多不同的科目，其中也有中文");
        assertThat(ids("中文")).containsExactly(longText, shortText);
    }

    @Test
    void findsThreeLetterWordsWholeFirstThenInsideLongerWords() {
        String whole = post("Kaffee und Kuchen");
        String customer = post("Der Kunde wartet");
        String friendship = post("Unsere Freundschaft");

        assertThat(ids("und")).containsExactly(whole, friendship, customer);
        assertThat(ids("UND kuchen")).containsExactly(whole);
    }

    @Test
    void pagesByOffsetWithTiesNewestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(post("standup notes"));

        assertThat(ids(ALICE, query("standup").page(0, 10))).containsExactly(
                ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(ALICE, query("standup").page(1, 2))).containsExactly(ids.get(3), ids.get(2));
        assertThat(ids(ALICE, query("standup").page(4, 2))).containsExactly(ids.get(0));
        assertThat(ids(ALICE, query("standup").page(5, 2))).isEmpty();
        assertThat(ids(ALICE, query("standup").page(0, 0))).isEmpty();
    }

    @Test
    void pagesRunOnFromWholeWordsIntoPartsOfWords() {
        String request = post("Ich habe deine Freundschaftsanfrage erhalten");
        String friend = post("Der Freund kommt morgen");
        String friends = post("Freunde und Familie");
        post(SECRET, BOB, "Freund");
        String bobsFriend = post(GENERAL, BOB, "Mein Freund");

        assertThat(ids(ALICE, query("freund").page(0, 2))).containsExactly(bobsFriend, friend);
        assertThat(ids(ALICE, query("freund").page(2, 2))).hasSize(2).contains(request, friends);
        assertThat(ids(ALICE, query("freund").page(3, 2))).hasSize(1).containsAnyOf(request, friends);
        assertThat(ids(ALICE, query("freund").page(0, 10))).hasSize(4);
    }

    // ---- untrusted input

    @Test
    void treatsQuerySyntaxAsPlainWords() {
        String fooOr = post("foo or bar");
        String near = post("NEAR the end");
        String percent = post("100% sure");
        String underscore = post("call a_b now");
        post("call axb now");

        assertThat(ids("\"foo OR")).containsExactly(fooOr);
        assertThat(ids("foo AND")).isEmpty();
        assertThat(ids("NEAR(")).containsExactly(near);
        assertThat(ids("near(foo, bar)")).isEmpty();
        assertThat(ids("100%")).containsExactly(percent);
        assertThat(ids("a_b")).containsExactly(underscore);
        assertThat(ids("fo*")).containsExactly(fooOr);
        for (String hostile : List.of("*", "\"", "\"\"\"", "(((", ")", "'", "\\", "%", "_", ":", "-", "^", "+",
                "--", "/*", "👍", "!!! ???", "text:foo", "foo:*", "'; DROP TABLE messages; --", "a' OR '1'='1",
                "\"foo\" NOT bar", "{foo bar}", "foo NEAR/2 bar", "foo & bar | !baz", "foo <-> bar", "\u0000foo",
                "%_%", "\\%", "x'", "'o", "o'", "ab\\", "\"ab")) {
            assertThat(matches(hostile)).as(hostile).allSatisfy(match -> assertThat(match.messageId()).isNotNull());
        }
        assertThat(ids("'; DROP TABLE messages; --")).isEmpty();
        assertThat(ids("*")).isEmpty();
        assertThat(ids("\u0000foo")).containsExactly(fooOr);
        assertThat(ids("foo")).containsExactly(fooOr);
    }

    @Test
    void rejectsImpossibleInputAndFindsNothingInBlankText() {
        post("anything at all");

        assertThat(ids("   ")).isEmpty();
        assertThat(ids("... ,,, !!!")).isEmpty();
        assertThatThrownBy(() -> ids(ALICE, query("anything").page(-1, 10)))
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThatThrownBy(() -> ids(ALICE, query("anything").page(0, -1)))
                .isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> ids(null, query("anything"))).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> ids(ALICE, query(null))).isInstanceOf(ParleyException.class);
    }

    // ---- snippets

    @Test
    void highlightsMatchesInPlainTextSnippets() {
        post("Un café au lait");
        post("我喜欢学习中文");
        post("fake \u0002mark\u0003 before the <b>needle</b>");
        post("See the E-Mail below");

        assertThat(snippet("cafe")).isEqualTo("Un \u0002café\u0003 au lait");
        assertThat(snippet("中文")).isEqualTo("我喜欢学习\u0002中文\u0003");
        assertThat(snippet("needle")).isEqualTo("fake mark before the <b>\u0002needle\u0003</b>");
        assertThat(snippet("e-mail")).isEqualTo("See the \u0002E-Mail\u0003 below");
    }

    @Test
    void cutsLongTextsAroundTheFirstMatch() {
        String filler = "lorem ipsum dolor sit amet ".repeat(20);
        post(filler + "the hidden needle is here " + filler);

        String snippet = snippet("needle");
        assertThat(snippet).startsWith("…").endsWith("…").contains("\u0002needle\u0003");
        assertThat(snippet.length()).isLessThanOrEqualTo(SearchSnippet.MAX_LENGTH + 4);
        assertThat(snippet.chars().filter(c -> c == '\u0002').count()).isEqualTo(1);
    }

    // ---- helpers

    private String snippet(String text) {
        List<SearchMatch> found = matches(text);
        assertThat(found).as(text).hasSize(1);
        return found.getFirst().snippet();
    }

    private List<String> ids(String text) {
        return ids(ALICE, query(text));
    }

    private List<String> ids(String userId, Query query) {
        List<String> ids = jdbi().withHandle(h -> search().search(h, userId, query.build())).stream()
                .map(SearchMatch::messageId).toList();
        assertThat(ids).as("each message at most once").doesNotHaveDuplicates();
        return ids;
    }

    private List<SearchMatch> matches(String text) {
        return jdbi().withHandle(h -> search().search(h, ALICE, query(text).build()));
    }

    private String post(String text) {
        return post(GENERAL, ALICE, text);
    }

    private String post(String conversation, String sender, String text) {
        return post(conversation, sender, MessageType.TEXT, text, T0.plusSeconds(posted + 1));
    }

    private String post(String conversation, String sender, MessageType type, String text, Instant at) {
        posted++;
        String id = "m" + posted;
        long seq = lastSeq.merge(conversation, 1L, Long::sum);
        jdbi().useTransaction(h -> {
            h.execute("INSERT INTO messages (id, conversation_id, seq, sender_id, client_message_id, type,"
                    + " text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id, conversation, seq, sender, "client-" + id, type.wireName(), text, at.toEpochMilli());
            beforeCommit(h);
        });
        return id;
    }

    private void update(String sql, Object... args) {
        jdbi().useTransaction(h -> {
            h.execute(sql, args);
            beforeCommit(h);
        });
    }

    private static void join(Handle h, String conversation, String user) {
        h.execute("INSERT INTO conversation_members (conversation_id, user_id, role, joined_at) VALUES (?, ?, 'member', ?)",
                conversation, user, T0.toEpochMilli());
    }

    private static Query query(String text) {
        return new Query(text, null, null, null, null, null, 0, 50);
    }

    private record Query(String text, String conversationId, String senderId, MessageType type, Instant from,
                         Instant to, int offset, int limit) {
        Query withConversation(String id) {
            return new Query(text, id, senderId, type, from, to, offset, limit);
        }

        Query withSender(String id) {
            return new Query(text, conversationId, id, type, from, to, offset, limit);
        }

        Query withType(MessageType value) {
            return new Query(text, conversationId, senderId, value, from, to, offset, limit);
        }

        Query between(Instant start, Instant end) {
            return new Query(text, conversationId, senderId, type, start, end, offset, limit);
        }

        Query page(int skip, int size) {
            return new Query(text, conversationId, senderId, type, from, to, skip, size);
        }

        SearchQuery build() {
            return new SearchQuery(text, conversationId, senderId, type, from, to, offset, limit);
        }
    }
}

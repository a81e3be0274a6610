package dev.parley.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people in real browser pages on a real server, one of them on two devices: messages and
 * their changes arrive live, typing shows and expires, badges stay exact on every page.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(Chromium.Shared.class)
class RealtimeBrowserTest {
    private static BrowserServer server;
    private final Chromium chromium;
    private final List<Device> devices = new ArrayList<>();

    RealtimeBrowserTest(Chromium chromium) {
        this.chromium = chromium;
    }

    @BeforeAll
    static void startServer() {
        server = BrowserServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeDevices() {
        devices.forEach(Device::close);
    }

    private Device signIn(String name, Rest.Account account) {
        Device device = chromium.newDevice(name).open(server).bootWithToken(account);
        devices.add(device);
        return device;
    }

    @Test
    void messagesAndTheirChangesReachEveryDeviceLive() {
        Rest.Account ada = server.rest().register("Ada");
        Rest.Account bob = server.rest().register("Bob");
        Device adaPage = signIn("ada", ada);
        Device bobPhone = signIn("bob-phone", bob);
        Device bobLaptop = signIn("bob-laptop", bob);

        // Ada starts the conversation from her page; Bob's devices learn about it live.
        String room = (String) adaPage.eval("async (bob) => (await app.parley.api.createConversation("
                + "{ kind: 'group', title: 'Launch', members: [{ userId: bob }] })).id", bob.id());
        for (Device device : List.of(bobPhone, bobLaptop)) {
            device.waitFor("id => app.parley.store.conversation(id) !== undefined", room);
        }
        for (Device device : List.of(adaPage, bobPhone, bobLaptop)) device.eval("id => app.select(id)", room);

        Object seq = adaPage.eval("([id, text]) => app.parley.send(id, text).then((m) => m.seq)", List.of(room, "Hello Bob"));
        assertThat(seq).isInstanceOf(Number.class);
        for (Device device : List.of(adaPage, bobPhone, bobLaptop)) device.waitForTexts(room, List.of("Hello Bob"));
        Map<String, Object> hello = adaPage.messages(room).getFirst();
        assertThat(hello).containsEntry("pending", false).containsEntry("seq", seq);
        String helloId = (String) hello.get("id");

        bobPhone.eval("([id, emoji]) => app.parley.react(id, emoji)", List.of(helloId, "👍"));
        adaPage.waitFor("([room, id]) => JSON.stringify(app.messages(room).find((m) => m.id === id).reactions)"
                + " === JSON.stringify([{ emoji: '👍', count: 1, me: false }])", List.of(room, helloId));
        bobLaptop.waitFor("([room, id]) => JSON.stringify(app.messages(room).find((m) => m.id === id).reactions)"
                + " === JSON.stringify([{ emoji: '👍', count: 1, me: true }])", List.of(room, helloId));

        adaPage.eval("([id, text]) => app.parley.edit(id, text)", List.of(helloId, "Hello Bob, edited"));
        adaPage.eval("id => app.parley.pin(id)", helloId);
        adaPage.eval("([id, text]) => app.parley.send(id, text)", List.of(room, "Oops, wrong room"));
        String oops = (String) adaPage.eval("id => app.messages(id).at(-1).id", room);
        adaPage.eval("id => app.parley.deleteMessage(id)", oops);
        for (Device device : List.of(adaPage, bobPhone, bobLaptop)) {
            device.waitForTexts(room, List.of("Hello Bob, edited", "(deleted)"));
            device.waitFor("([room, id]) => app.messages(room).find((m) => m.id === id).pinned", List.of(room, helloId));
        }

        // Every event arrived once on each device, and Bob's devices acknowledged delivery by themselves.
        for (Device device : List.of(bobPhone, bobLaptop)) {
            assertThat(device.eval("id => app.eventCount('message.created', id)", room)).isEqualTo(2);
            assertThat(device.eval("id => app.eventCount('message.edited', id)", room)).isEqualTo(1);
            assertThat(device.eval("id => app.eventCount('message.deleted', id)", room)).isEqualTo(1);
        }
        adaPage.waitFor("([room, bob, seq]) => (app.parley.store.receipts(room).get(bob)?.deliveredSeq ?? 0) >= seq",
                List.of(room, bob.id(), seq));
        bobLaptop.screenshot(Path.of("target", "browser-screenshots", "chat-bob-laptop.png"));
    }

    @Test
    void typingShowsOnTheOtherPageAndExpiresWithoutRefresh() {
        Rest.Account ada = server.rest().register("Ada");
        Rest.Account bob = server.rest().register("Bob");
        String room = server.rest().createGroup(ada, "Typing", bob);
        Device adaPage = signIn("ada", ada);
        Device bobPage = signIn("bob", bob);
        adaPage.eval("id => app.select(id)", room);
        bobPage.eval("id => app.select(id)", room);

        adaPage.eval("id => app.parley.typing(id)", room);
        bobPage.waitFor("([room, ada]) => JSON.stringify(app.parley.store.typing(room)) === JSON.stringify([ada])",
                List.of(room, ada.id()));
        assertThat(bobPage.page.textContent("#typing")).isEqualTo(ada.id() + " is typing…");
        long shown = System.nanoTime();
        bobPage.waitFor("id => app.parley.store.typing(id).length === 0", room);
        long expiredAfterMs = (System.nanoTime() - shown) / 1_000_000;
        assertThat(expiredAfterMs).as("the server keeps a typer 5 s after the last typing.start").isGreaterThan(3_000);

        adaPage.eval("id => app.parley.typing(id)", room);
        bobPage.waitFor("([room, ada]) => app.parley.store.typing(room).includes(ada)", List.of(room, ada.id()));
        adaPage.eval("id => app.parley.stopTyping(id)", room);
        long stopped = System.nanoTime();
        bobPage.waitFor("id => app.parley.store.typing(id).length === 0", room);
        assertThat((System.nanoTime() - stopped) / 1_000_000).as("typing.stop clears at once").isLessThan(3_000);
        assertThat(adaPage.eval("id => app.parley.store.typing(id)", room)).isEqualTo(List.of());
    }

    @Test
    void unreadCountsAreExactOnEveryPageAfterReads() {
        Rest.Account ada = server.rest().register("Ada");
        Rest.Account bob = server.rest().register("Bob");
        String room = server.rest().createGroup(ada, "Counts", bob);
        Device adaPage = signIn("ada", ada);
        Device bobPhone = signIn("bob-phone", bob);
        Device bobLaptop = signIn("bob-laptop", bob);
        List<Device> bobs = List.of(bobPhone, bobLaptop);

        adaPage.eval("async ([id, bob]) => { await app.parley.send(id, 'one'); "
                + "await app.parley.send(id, { text: 'two, @bob', mentions: [bob] }); await app.parley.send(id, 'three'); }",
                List.of(room, bob.id()));
        bobs.forEach(d -> d.waitForCounts(room, 3, 1));
        adaPage.waitForCounts(room, 0, 0);
        assertCountsMatchTheServer(room, adaPage, bobPhone, bobLaptop);

        bobPhone.eval("id => app.parley.markRead(id)", room);
        bobs.forEach(d -> d.waitForCounts(room, 0, 0));
        assertCountsMatchTheServer(room, bobPhone, bobLaptop);

        bobLaptop.eval("([id, text]) => app.parley.send(id, text)", List.of(room, "reply from the laptop"));
        adaPage.waitForCounts(room, 1, 0);
        bobs.forEach(d -> d.waitFor("id => app.texts(id).includes('reply from the laptop')", room));
        assertCountsMatchTheServer(room, adaPage, bobPhone, bobLaptop);

        String reply = (String) bobLaptop.eval("id => app.messages(id).at(-1).id", room);
        bobLaptop.eval("id => app.parley.deleteMessage(id)", reply);
        adaPage.waitForCounts(room, 0, 0);

        adaPage.eval("async ([id, bob]) => { await app.parley.send(id, 'four'); "
                + "await app.parley.send(id, { text: 'five, @bob', mentions: [bob] }); }", List.of(room, bob.id()));
        bobs.forEach(d -> d.waitForCounts(room, 2, 1));
        bobLaptop.eval("id => app.parley.markRead(id)", room);
        bobs.forEach(d -> d.waitForCounts(room, 0, 0));
        adaPage.eval("id => app.parley.markRead(id)", room);
        adaPage.waitForCounts(room, 0, 0);
        assertCountsMatchTheServer(room, adaPage, bobPhone, bobLaptop);
        assertThat(bobPhone.page.locator("nav .badge").count()).isZero();
    }

    private static void assertCountsMatchTheServer(String room, Device... pages) {
        for (Device page : pages) {
            Map<String, Object> local = page.counts(room);
            Map<String, Object> server = page.serverCounts(room);
            assertThat(local).as("%s: the store's counters against the server's list", page.name)
                    .containsEntry("unread", server.get("unread")).containsEntry("mentions", server.get("mentions"));
        }
    }
}

package dev.parley.e2e.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One browser context with one page on the test chat page ({@code chat.html}), driven through
 * its {@code window.app}. Waits are Playwright's, on conditions evaluated in the page.
 */
final class Device implements AutoCloseable {
    static final double WAIT_MS = 15_000;

    final String name;
    final BrowserContext context;
    final Page page;

    Device(String name, BrowserContext context) {
        this.name = name;
        this.context = context;
        this.page = context.newPage();
        page.onConsoleMessage(message -> {
            if (!message.type().equals("log") && !message.type().equals("debug")) {
                System.out.printf("[%s console.%s] %s%n", name, message.type(), message.text());
            }
        });
        page.onPageError(error -> System.out.printf("[%s page error] %s%n", name, error));
    }

    /** Opens the chat page and waits for its script. */
    Device open(BrowserServer server) {
        page.navigate(server.page("chat.html"));
        waitFor("() => window.app !== undefined");
        return this;
    }

    /** Boots the SDK with a fixed token and waits until it is live. */
    Device bootWithToken(Rest.Account account) {
        return boot(Map.of("token", account.token()));
    }

    /** Boots the SDK with {@code options} (see chat-page.js) and waits until it is live. */
    Device boot(Map<String, Object> options) {
        page.evaluate("options => app.boot(options)", options);
        waitLive();
        return this;
    }

    void waitLive() {
        waitFor("() => app.parley && app.parley.state === 'live'");
    }

    /** Evaluates {@code js} (a function of one argument) in the page. */
    Object eval(String js, Object arg) {
        return page.evaluate(js, arg);
    }

    Object eval(String js) {
        return page.evaluate(js);
    }

    /** Waits until {@code js} (a function of one argument) is truthy in the page. */
    void waitFor(String js, Object arg) {
        page.waitForFunction(js, arg, new Page.WaitForFunctionOptions().setTimeout(WAIT_MS).setPollingInterval(50));
    }

    void waitFor(String js) {
        waitFor(js, null);
    }

    /** The texts of the conversation's timeline in the store ("(deleted)" for tombstones). */
    @SuppressWarnings("unchecked")
    List<String> texts(String conversationId) {
        return (List<String>) eval("id => app.texts(id)", conversationId);
    }

    /** The timeline as plain data (see app.messages in chat-page.js). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> messages(String conversationId) {
        return (List<Map<String, Object>>) eval("id => app.messages(id)", conversationId);
    }

    /** {unread, mentions, readSeq, lastSeq} of the conversation in the store. */
    @SuppressWarnings("unchecked")
    Map<String, Object> counts(String conversationId) {
        return (Map<String, Object>) eval("id => app.counts(id)", conversationId);
    }

    /** The same counters as the server's REST conversation list tells this user. */
    @SuppressWarnings("unchecked")
    Map<String, Object> serverCounts(String conversationId) {
        return (Map<String, Object>) eval("id => app.serverCounts(id)", conversationId);
    }

    /** Waits until the store's unread and mention counts of the conversation are these. */
    void waitForCounts(String conversationId, int unread, int mentions) {
        waitFor("([id, unread, mentions]) => { const c = app.counts(id); "
                + "return c && c.unread === unread && c.mentions === mentions; }", List.of(conversationId, unread, mentions));
    }

    /** Waits until the timeline's texts are exactly {@code texts}, in order. */
    void waitForTexts(String conversationId, List<String> texts) {
        waitFor("([id, texts]) => JSON.stringify(app.texts(id)) === JSON.stringify(texts)", List.of(conversationId, texts));
    }

    /** Reloads the page and waits until its script ran again. */
    void reload() {
        page.reload();
        waitFor("() => window.app !== undefined && app.started !== null");
    }

    void screenshot(Path file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    @Override
    public void close() {
        context.close();
    }
}

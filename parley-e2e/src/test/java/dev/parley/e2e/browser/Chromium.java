package dev.parley.e2e.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Debian's Chromium driven by Playwright, one for the whole test run (JUnit closes it with the
 * root store). Playwright downloads no browser: it uses {@code /usr/bin/chromium}. Each
 * {@link Device} gets its own browser context, so its storage (IndexedDB, sessionStorage) is
 * its own, like a separate device.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: install Debian's chromium package (.ci/run does)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new device (browser context and page) named {@code name} in logs. */
    Device newDevice(String name) {
        return new Device(name, browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 640)));
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    /** Gives tests the run's {@link Chromium}, launched on first use. */
    static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Chromium.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(Chromium.class, key -> Chromium.launch(), Chromium.class);
        }
    }
}

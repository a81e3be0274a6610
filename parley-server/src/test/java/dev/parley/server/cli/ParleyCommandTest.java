package dev.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.Backend;
import dev.parley.server.auth.AccessToken;
import dev.parley.server.config.ConfigLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParleyCommandTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void userCreateThenTokenGivesAWorkingAccessToken() {
        Run created = run("", "user", "create", "--username", "Ada", "--password", "adas-password",
                "--display-name", "Ada L.", "--email", "ada@example.org");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("Created user ada (u_");

        Instant before = Instant.now();
        Run token = run("", "token", "--username", "ada", "--ttl", "2h");
        assertThat(token.exitCode()).as(token.err()).isZero();
        String jwt = token.out().strip();
        assertThat(jwt.split("\\.")).hasSize(3);
        assertThat(token.out().lines()).hasSize(1);

        try (Backend backend = Backend.open(ConfigLoader.load(env()))) {
            AccessToken access = backend.tokens().verify(jwt).orElseThrow();
            assertThat(access.expiresAt()).isBetween(before.plus(Duration.ofHours(2)).minusSeconds(2),
                    Instant.now().plus(Duration.ofHours(2)).plusSeconds(1));
            assertThat(backend.services().accounts().isSessionActive(access.sessionId(), access.userId())).isTrue();
            assertThat(backend.services().accounts().get(access.userId()).displayName()).isEqualTo("Ada L.");
        }
    }

    @Test
    void thePasswordCanComeFromStandardInput() {
        Run created = run("stdin-password\n", "user", "create", "--username", "bob", "--password-stdin");
        assertThat(created.exitCode()).as(created.err()).isZero();
        try (Backend backend = Backend.open(ConfigLoader.load(env()))) {
            assertThat(backend.services().accounts().authenticate("bob", "stdin-password").username()).isEqualTo("bob");
        }
    }

    @Test
    void badInputExitsWith1AndSaysWhy() {
        Run invalid = run("", "user", "create", "--username", "x", "--password", "short");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains("username:", "password:");

        run("", "user", "create", "--username", "carol", "--password", "carols-password");
        Run taken = run("", "user", "create", "--username", "carol", "--password", "carols-password");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("taken");

        Run unknown = run("", "token", "--username", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("not found");

        run("", "user", "create", "--username", "dave", "--password", "daves-password");
        Run badTtl = run("", "token", "--username", "dave", "--ttl", "forever");
        assertThat(badTtl.exitCode()).isEqualTo(1);
        assertThat(badTtl.err()).contains("--ttl");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run("", "user", "create", "--password", "x").exitCode()).isEqualTo(2);
        assertThat(run("", "user", "create", "--username", "eve").exitCode()).isEqualTo(2);
        assertThat(run("", "user", "create", "--username", "eve", "--password", "p", "--password-stdin").exitCode())
                .isEqualTo(2);
        assertThat(run("", "frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void checkConfigPrintsTheEffectiveSettingsWithSecretsMasked() {
        Map<String, String> env = env();
        env.put("PARLEY_JWT_SECRET", "a-very-secret-secret-of-32-bytes!");
        env.put("PARLEY_PORT", "9999");
        Run ok = run(env, "", "check-config");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("PARLEY_PORT=9999", "PARLEY_JWT_SECRET=********", "Configuration OK")
                .doesNotContain("a-very-secret-secret");
    }

    @Test
    void checkConfigWithABadSettingExitsWith1NamingIt() {
        Map<String, String> env = env();
        env.put("PARLEY_PORT", "abc");
        env.put("PARLEY_LOG_FORMAT", "yaml");
        Run bad = run(env, "", "check-config");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("PARLEY_PORT: must be a number", "\"abc\"", "PARLEY_LOG_FORMAT: must be text or json");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void aConfigFileCanBeNamedOnTheCommandLine() throws Exception {
        Path file = Files.writeString(dir.resolve("parley.properties"), "PARLEY_PORT=7777\n");
        Run sub = run("", "check-config", "--config", file.toString());
        assertThat(sub.out()).contains("PARLEY_PORT=7777");
        Run root = run("", "--config", file.toString(), "check-config");
        assertThat(root.out()).contains("PARLEY_PORT=7777");
        Run missing = run("", "check-config", "--config", dir.resolve("missing.properties").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("PARLEY_CONFIG_FILE: file not found");
    }

    @Test
    void migratePreparesTheDatabase() {
        Run migrated = run("", "migrate");
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("Database is up to date: jdbc:sqlite:");
        assertThat(dir.resolve("data/parley.db")).exists();
        assertThat(run("", "migrate").exitCode()).isZero();
    }

    @Test
    void helpListsTheSubcommands() {
        Run help = run("", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("serve", "migrate", "user", "token", "check-config");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toString());
        return env;
    }

    private Run run(String stdin, String... args) {
        return run(env(), stdin, args);
    }

    private Run run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ParleyCommand.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

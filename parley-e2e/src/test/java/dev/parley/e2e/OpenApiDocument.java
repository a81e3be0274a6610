package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The OpenAPI document of the repository (docs/api/openapi.yaml), parsed, with its operations. */
final class OpenApiDocument {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One documented operation: method (upper case), path template and its responses node. */
    record Operation(String method, String path, JsonNode node) {
        String key() {
            return method + " " + normalize(path);
        }

        JsonNode response(int status) {
            JsonNode responses = node.path("responses");
            return responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : null;
        }

        private Pattern pattern() {
            return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
        }

        int parameterCount() {
            return (int) path.chars().filter(c -> c == '{').count();
        }
    }

    private final JsonNode root;
    private final List<Operation> operations;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        List<Operation> ops = new ArrayList<>();
        for (Iterator<String> paths = root.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> keys = root.path("paths").get(path).fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (METHODS.contains(key)) {
                    ops.add(new Operation(key.toUpperCase(Locale.ROOT), path, root.path("paths").get(path).get(key)));
                }
            }
        }
        this.operations = List.copyOf(ops);
    }

    static OpenApiDocument load() {
        return parse(read(file()));
    }

    static OpenApiDocument parse(String yaml) {
        try {
            return new OpenApiDocument(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("docs/api/openapi.yaml is not valid YAML", e);
        }
    }

    /** docs/api/openapi.yaml, found from the module directory or the repository root. */
    static Path file() {
        for (Path candidate : List.of(Path.of("..", "docs", "api", "openapi.yaml"), Path.of("docs", "api", "openapi.yaml"))) {
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("docs/api/openapi.yaml not found from " + Path.of("").toAbsolutePath());
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    List<Operation> operations() {
        return operations;
    }

    /** The operation serving {@code method} on a concrete {@code path}; literal segments win over parameters. */
    Optional<Operation> find(String method, String path) {
        return operations.stream()
                .filter(op -> op.method().equals(method) && op.pattern().matcher(path).matches())
                .min(Comparator.comparingInt(Operation::parameterCount));
    }

    /** {@code /a/{id}/b}, {@code /a/<id>/b} and {@code /a/:id/b/} all become {@code /a/{}/b}. */
    static String normalize(String path) {
        String p = path.replaceAll("\\{[^}]*}", "{}").replaceAll("<[^>]*>", "{}").replaceAll(":[^/]+", "{}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}

package dev.kiln.serve.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kiln.serve.http.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's {@code deploy/} folder as the tests read it: its root, its YAML and JSON files, parsed. */
final class DeployFiles {
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();
    /** The repository root: the first directory up from the working directory (kiln-serve/ under Maven) holding deploy/ and pom.xml. */
    static final Path ROOT = findRoot();
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|h|m|s)");

    private DeployFiles() {
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/ folder beside a pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** A path under deploy/. */
    static Path deploy(String relative) {
        return ROOT.resolve("deploy").resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one YAML document in {@code file}. */
    static JsonNode yaml(Path file) {
        List<JsonNode> docs = yamlDocuments(file);
        if (docs.size() != 1) {
            throw new AssertionError(file + " holds " + docs.size() + " YAML documents, expected one");
        }
        return docs.get(0);
    }

    /** Every YAML document in {@code file} ({@code ---} separated), empty ones left out. */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(read(file))) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return docs;
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** deploy/compose.yaml. */
    static JsonNode compose() {
        return yaml(deploy("compose.yaml"));
    }

    /** The container port of a compose port mapping such as {@code "8080:8080"}, {@code "127.0.0.1:80:8080/tcp"} or {@code 8080}. */
    static int containerPort(JsonNode mapping) {
        String text = mapping.isObject() ? mapping.path("target").asText() : mapping.asText();
        String[] parts = text.split("/")[0].split(":");
        return Integer.parseInt(parts[parts.length - 1]);
    }

    /** A compose volume entry: its source (a path for bind mounts, else a named volume) and its target in the container. */
    record Mount(String source, String target) {
        boolean bind() {
            return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        }
    }

    /** The volumes of compose service {@code service}, short ({@code src:target[:mode]}) or long syntax. */
    static List<Mount> mounts(JsonNode compose, String service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode v : compose.path("services").path(service).path("volumes")) {
            if (v.isObject()) {
                mounts.add(new Mount(v.path("source").asText(), v.path("target").asText()));
            } else {
                String[] parts = v.asText().split(":");
                mounts.add(parts.length == 1 ? new Mount("", parts[0]) : new Mount(parts[0], parts[1]));
            }
        }
        return mounts;
    }

    /** The value after {@code option} in {@code args}, or {@code otherwise} when the option is absent. */
    static String option(List<String> args, String option, String otherwise) {
        int at = args.indexOf(option);
        return at < 0 ? otherwise : args.get(at + 1);
    }

    /** The drain timeout, in seconds, of a server started with {@code serveArgs}: its {@code --drain-timeout}, else the default. */
    static long drainSeconds(List<String> serveArgs) {
        return Long.parseLong(option(serveArgs, "--drain-timeout", Long.toString(ServerSettings.defaults().drainTimeout().toSeconds())));
    }

    /** A duration as compose writes it ({@code 30s}, {@code 1m30s}, {@code 1h}), in seconds. */
    static double seconds(String duration) {
        Matcher m = DURATION_PART.matcher(duration);
        double total = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> n * 3600;
                case "m" -> n * 60;
                case "ms" -> n / 1000;
                case "us" -> n / 1_000_000;
                default -> n;
            };
            end = m.end();
        }
        if (end == 0 || end != duration.length()) {
            throw new AssertionError("not a duration: " + duration);
        }
        return total;
    }

    /** The strings of a JSON/YAML array. */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

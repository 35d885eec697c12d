package dev.kiln.serve.http;

import dev.kiln.core.io.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys a server accepts, read from a key file or an environment variable. Each entry is
 * {@code KEY SCOPE[,SCOPE...]}, optionally followed by a {@code # comment}; blank lines and lines
 * starting with {@code #} are skipped. A key is at least 16 characters of RFC 6750's token syntax
 * (letters, digits, {@code -._~+/}, then optional {@code =}).
 */
public final class ApiKeys {
    /** The fewest characters a key may have. */
    public static final int MIN_LENGTH = 16;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    private static final String EXPECTED = "expected KEY SCOPE[,SCOPE...] [# comment] with scopes among read, predict, admin";

    private final List<ApiKey> keys;

    private ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** No keys: the server is open to everyone. */
    public static ApiKeys none() {
        return new ApiKeys(List.of());
    }

    public static ApiKeys of(List<ApiKey> keys) {
        return new ApiKeys(keys);
    }

    /**
     * The keys in {@code file}, one entry a line.
     *
     * @throws DataFormatException for a file without keys or with bad lines (each named as {@code file:line})
     */
    public static ApiKeys read(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys in environment variable {@code name} with value {@code value} (entries separated by ';' or new lines); none when unset or blank. */
    public static ApiKeys fromVariable(String name, String value) {
        if (value == null || value.isBlank()) {
            return none();
        }
        return parse(name, Arrays.asList(value.split("[;\n]")));
    }

    /**
     * The keys in {@code entries} from {@code source}, each entry numbered from 1.
     *
     * @throws DataFormatException naming the first bad entry as {@code source:N} and the numbers of any others
     */
    public static ApiKeys parse(String source, List<String> entries) {
        List<ApiKey> keys = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<DataFormatException> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int line = i + 1;
            String entry = stripComment(entries.get(i)).strip();
            if (entry.isEmpty()) {
                continue;
            }
            String problem = check(entry, seen, line);
            if (problem != null) {
                errors.add(DataFormatException.atLine(source, line, problem));
                continue;
            }
            String[] fields = entry.split("\\s+");
            keys.add(ApiKey.of(source + ":" + line, fields[0], scopes(fields[1])));
        }
        if (!errors.isEmpty()) {
            throw errors.size() == 1 ? errors.get(0) : DataFormatException.atLine(source, errors.get(0).line().orElseThrow(),
                    errors.get(0).detail() + " (more bad lines: " + errors.stream().skip(1)
                            .map(e -> Long.toString(e.line().orElseThrow())).toList() + ")");
        }
        if (keys.isEmpty()) {
            throw DataFormatException.of(source, "no keys; " + EXPECTED);
        }
        return new ApiKeys(keys);
    }

    /** What is wrong with {@code entry}, or null; the key itself never appears in the answer. */
    private static String check(String entry, Map<String, Integer> seen, int line) {
        String[] fields = entry.split("\\s+");
        if (fields.length != 2) {
            return EXPECTED + "; found " + fields.length + (fields.length == 1 ? " field" : " fields");
        }
        String key = fields[0];
        if (!TOKEN.matcher(key).matches()) {
            return "the key has a character other than letters, digits and -._~+/ (or '=' other than at the end)";
        }
        if (key.length() < MIN_LENGTH) {
            return "the key has " + key.length() + " characters; expected at least " + MIN_LENGTH;
        }
        for (String label : fields[1].split(",", -1)) {
            if (Scope.parse(label).isEmpty()) {
                return "unknown scope '" + label + "'; expected read, predict or admin, separated by commas";
            }
        }
        Integer before = seen.putIfAbsent(key, line);
        return before == null ? null : "the same key as line " + before;
    }

    private static String stripComment(String entry) {
        int hash = entry.indexOf('#');
        return hash < 0 ? entry : entry.substring(0, hash);
    }

    private static Set<Scope> scopes(String labels) {
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        for (String label : labels.split(",")) {
            out.add(Scope.parse(label).orElseThrow());
        }
        return out;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public int size() {
        return keys.size();
    }

    /** The key {@code presented} is, if any: its SHA-256 digest is compared with every stored digest in constant time. */
    public Optional<ApiKey> find(String presented) {
        byte[] digest = ApiKey.sha256(presented);
        ApiKey found = null;
        for (ApiKey k : keys) {
            if (k.matches(digest)) {
                found = k;
            }
        }
        return Optional.ofNullable(found);
    }
}

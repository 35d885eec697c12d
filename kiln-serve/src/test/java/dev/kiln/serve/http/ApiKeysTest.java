package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files and the KILN_API_KEYS variable: entries, comments, and every malformed line named by file:line. */
class ApiKeysTest {
    private static final String READER = "reader-0123456789abcdef";
    private static final String ADMIN = "admin-0123456789abcdef==";

    @Test
    void aFileHoldsKeysWithScopesAndComments(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("keys.txt");
        Files.writeString(file, """
                # dashboards
                %s read   # grafana

                %s read,predict,admin
                """.formatted(READER, ADMIN));
        ApiKeys keys = ApiKeys.read(file);
        assertThat(keys.size()).isEqualTo(2);
        ApiKey reader = keys.find(READER).orElseThrow();
        assertThat(reader.scopes()).containsExactly(Scope.READ);
        assertThat(reader.origin()).isEqualTo(file + ":2");
        assertThat(keys.find(ADMIN).orElseThrow().scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.PREDICT, Scope.ADMIN);
        assertThat(keys.find(READER + "x")).isEmpty();
        assertThat(keys.find("")).isEmpty();
        assertThat(reader.toString()).doesNotContain(READER);
    }

    @Test
    void theVariableSeparatesEntriesBySemicolons() {
        ApiKeys keys = ApiKeys.fromVariable("KILN_API_KEYS", READER + " read; " + ADMIN + " admin");
        assertThat(keys.find(ADMIN).orElseThrow().origin()).isEqualTo("KILN_API_KEYS:2");
        assertThat(ApiKeys.fromVariable("KILN_API_KEYS", null).isEmpty()).isTrue();
        assertThat(ApiKeys.fromVariable("KILN_API_KEYS", "  ").isEmpty()).isTrue();
    }

    @Test
    void eachKindOfBadLineIsNamedWithoutShowingTheKey() {
        assertThat(error(READER)).isEqualTo("keys.txt:1: expected KEY SCOPE[,SCOPE...] [# comment] with scopes among read,"
                + " predict, admin; found 1 field");
        assertThat(error(READER + " read predict")).contains("keys.txt:1:").contains("found 3 fields");
        assertThat(error(READER + " read,wirte")).isEqualTo("keys.txt:1: unknown scope 'wirte'; expected read, predict or admin,"
                + " separated by commas");
        assertThat(error(READER + " read,")).contains("unknown scope ''");
        assertThat(error("short-key read")).isEqualTo("keys.txt:1: the key has 9 characters; expected at least 16");
        assertThat(error("sk_0123456789abcdef\"x read")).contains("keys.txt:1: the key has a character other than").doesNotContain("sk_");
        assertThat(error("a=b0123456789abcdef read")).contains("keys.txt:1: the key has a character other than");
    }

    @Test
    void everyBadLineIsCountedAndDuplicatesAndEmptyFilesRefused() {
        DataFormatException e = parse(List.of("# keys", READER + " read", "x read", READER + " admin", "", ADMIN + " root"));
        assertThat(e.getMessage()).isEqualTo("keys.txt:3: the key has 1 characters; expected at least 16 (more bad lines: [4, 6])");
        assertThat(error(READER + " read\n" + READER + " admin")).isEqualTo("keys.txt:2: the same key as line 1");
        assertThat(parse(List.of("# nothing yet", "")).getMessage()).startsWith("keys.txt: no keys; expected KEY SCOPE");
    }

    private static String error(String text) {
        return parse(List.of(text.split("\n"))).getMessage();
    }

    private static DataFormatException parse(List<String> lines) {
        try {
            ApiKeys.parse("keys.txt", lines);
        } catch (DataFormatException e) {
            assertThat(e.getMessage()).doesNotContain(READER).doesNotContain(ADMIN);
            return e;
        }
        throw new AssertionError("expected " + lines + " to be refused");
    }

    @Test
    void scopesHaveLowerCaseLabels() {
        assertThat(Scope.parse("predict")).contains(Scope.PREDICT);
        assertThat(Scope.parse("PREDICT")).isEmpty();
        assertThat(Set.of(Scope.values()).stream().map(Scope::label)).containsExactlyInAnyOrder("read", "predict", "admin");
        assertThatThrownBy(() -> ApiKeys.read(Path.of("/no/such/keys"))).isInstanceOf(java.io.UncheckedIOException.class);
    }
}

package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln serve --api-keys FILE} refuses to start on a key file it cannot use, naming the file and line. */
class ServeApiKeysTest {
    @TempDir
    Path tmp;

    @Test
    void aMalformedKeyFileStopsTheServerFromStarting() throws Exception {
        Path keys = tmp.resolve("keys.txt");
        Files.writeString(keys, "# ops\nops-0123456789abcdef read,wirte\n");
        CliRun run = CliRun.of("serve", "--home", tmp.resolve("home").toString(), "--port", "0", "--host", "127.0.0.1",
                "--api-keys", keys.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(keys + ":2: unknown scope 'wirte'").doesNotContain("ops-0123456789abcdef");
        assertThat(run.out()).doesNotContain("serving");
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path keys = tmp.resolve("absent.txt");
        CliRun run = CliRun.of("serve", "--home", tmp.resolve("home").toString(), "--port", "0", "--api-keys", keys.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(keys + ": no such file");
    }
}

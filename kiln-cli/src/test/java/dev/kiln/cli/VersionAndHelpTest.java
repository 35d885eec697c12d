package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.KilnVersion;
import org.junit.jupiter.api.Test;

class VersionAndHelpTest {

    @Test
    void versionNamesKilnAndJava() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("kiln " + KilnVersion.current() + "\n").contains("Java " + Runtime.version());
        assertThat(KilnVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "data", "info", "help", "--log-format", "Exit codes: 0 success, 1 a check failed");
        assertThat(CliRun.of("data", "--help").out()).contains("describe");
    }

    @Test
    void badUsageIsOneLineAndExitCode2() {
        CliRun unknown = CliRun.of("nosuch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines().count()).isEqualTo(1);
        assertThat(unknown.err().strip())
                .startsWith("kiln: Unmatched argument at index 0: 'nosuch'")
                .endsWith("(see 'kiln --help')");
        CliRun missing = CliRun.of("data", "describe");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines().count()).isEqualTo(1);
        assertThat(missing.err()).contains("Missing required parameter: 'FILE'").contains("kiln data describe --help");
        CliRun badOption = CliRun.of("info", "--jsn");
        assertThat(badOption.exitCode()).isEqualTo(2);
        assertThat(badOption.err()).contains("--jsn").contains("did you mean --json?");
    }
}

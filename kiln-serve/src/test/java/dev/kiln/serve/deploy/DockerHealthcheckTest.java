package dev.kiln.serve.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.serve.http.ServedFixtureTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's HEALTHCHECK command, run with bash as Docker runs it, against a real Kiln server (its port put in
 * place of the image's): it succeeds when readiness answers 200 and fails on any other status or when nothing listens.
 */
class DockerHealthcheckTest extends ServedFixtureTest {
    private static final Dockerfile DOCKERFILE = Dockerfile.read(DeployFiles.deploy("Dockerfile"));

    /** The exit status of the health check aimed at {@code port}, with {@code path} in place of the readiness path. */
    private static int check(int port, String path) throws IOException, InterruptedException {
        String imagePort = "/" + DOCKERFILE.servedPort();
        List<String> command = Dockerfile.healthcheckCommand(DOCKERFILE.last(DOCKERFILE.lastStage().index(), "HEALTHCHECK")).stream()
                .map(w -> w.replace(imagePort, "/" + port).replace("/v2/health/ready", path)).toList();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the health check did not finish in 10 s: " + command);
        }
        return p.exitValue();
    }

    @Test
    void passesWhenTheServerIsReady() throws IOException, InterruptedException {
        assertThat(http.get("/v2/health/ready").status()).isEqualTo(200);
        assertThat(check(server.port(), "/v2/health/ready")).isZero();
    }

    @Test
    void failsOnAnyOtherStatus() throws IOException, InterruptedException {
        assertThat(http.get("/no/such/route").status()).isEqualTo(404);
        assertThat(check(server.port(), "/no/such/route")).isNotZero();
    }

    @Test
    void failsWhenNothingListens() throws IOException, InterruptedException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(check(closed, "/v2/health/ready")).isNotZero();
    }
}

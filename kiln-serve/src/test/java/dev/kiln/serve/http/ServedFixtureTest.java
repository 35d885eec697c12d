package dev.kiln.serve.http;

import dev.kiln.serve.ServedModelsFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base for tests against one server on a free port, serving {@link ServedModelsFixture}'s models, started once per test class.
 * Public for the tests of other packages (the deploy tests).
 */
public abstract class ServedFixtureTest {
    @TempDir
    protected static Path home;
    protected static KilnServer server;
    protected static Http http;

    @BeforeAll
    protected static void startServer() {
        server = KilnServer.start(ServedModelsFixture.registry(home), ServerSettings.defaults().withHost("127.0.0.1").withPort(0));
        http = new Http(server);
    }

    @AfterAll
    protected static void stopServer() {
        server.close();
    }
}

package dev.kiln.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import dev.kiln.serve.ServedModelsFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What the logs say about keys: a warning when the server is unauthenticated, and never a key. */
class ApiKeyLogTest {
    private static final String ADMIN = "admin-0123456789abcdef";

    @TempDir
    Path home;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<Appender<ILoggingEvent>> console = new ArrayList<>();
    private final Logger jetty = (Logger) LoggerFactory.getLogger("org.eclipse.jetty");
    private Level level;
    private Level jettyLevel;

    /** Every event goes to {@code logged} alone while a test runs: Kiln's at DEBUG, Jetty's at INFO as kiln serve logs them. */
    @BeforeEach
    void capture() {
        level = root.getLevel();
        jettyLevel = jetty.getLevel();
        jetty.setLevel(Level.INFO);
        root.iteratorForAppenders().forEachRemaining(console::add);
        console.forEach(root::detachAppender);
        logged.start();
        root.addAppender(logged);
        root.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        root.detachAppender(logged);
        console.forEach(root::addAppender);
        root.setLevel(level);
        jetty.setLevel(jettyLevel);
    }

    @Test
    void anOpenServerWarnsThatItIsUnauthenticated() {
        try (KilnServer server = KilnServer.start(ServedModelsFixture.registry(home), settings())) {
            assertThat(new Http(server).get("/api/models").status()).isEqualTo(200);
        }
        assertThat(logged.list).anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("unauthenticated"));
    }

    @Test
    void keysNeverReachTheLog() {
        ApiKeys keys = ApiKeys.of(List.of(ApiKey.of("keys.txt:1", ADMIN, Set.of(Scope.READ, Scope.ADMIN))));
        try (KilnServer server = KilnServer.start(ServedModelsFixture.registry(home), settings(), keys)) {
            Http http = new Http(server);
            assertThat(http.withKey(ADMIN).put("/api/models/fruit/aliases/champion", "{\"version\": 1}").status()).isEqualTo(200);
            assertThat(http.withKey(ADMIN + "x").get("/api/models").status()).isEqualTo(401);
        }
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("unauthenticated"));
        assertThat(logged.list).anyMatch(e -> e.getFormattedMessage().contains("champion") && e.getFormattedMessage().contains("keys.txt:1"));
        assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().contains(ADMIN) || String.valueOf(e.getMDCPropertyMap()).contains(ADMIN));
    }

    private static ServerSettings settings() {
        return ServerSettings.defaults().withHost("127.0.0.1").withPort(0);
    }
}

package dev.kiln.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/** Points all logging at standard error, as readable lines or JSON lines, at the level asked for. */
public final class LogSetup {
    /**
     * Lucene logs through java.util.logging, whose default handler prints INFO lines (such as its
     * SIMD start-up notice) on stderr; kept here so the level holds (loggers are weakly referenced).
     */
    private static final java.util.logging.Logger LUCENE = java.util.logging.Logger.getLogger("org.apache.lucene");

    private LogSetup() {
    }

    /** How log lines look. */
    public enum Format {
        TEXT, JSON
    }

    /** Replaces any configuration with one console appender on stderr. */
    public static void configure(Format format, Level level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Encoder<ILoggingEvent> encoder;
        if (format == Format.JSON) {
            encoder = new JsonLineEncoder();
        } else {
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n");
            encoder = pattern;
        }
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(console);
        LUCENE.setLevel(level.isGreaterOrEqual(Level.INFO) ? java.util.logging.Level.WARNING : java.util.logging.Level.INFO);
        // The HTTP server's own start-up chatter (Jetty's handlers, Javalin's banner lines) only when debugging;
        // never Jetty's DEBUG, which logs request headers and so API keys.
        Level serverLevel = level.isGreaterOrEqual(Level.INFO) ? Level.WARN : level;
        context.getLogger("org.eclipse.jetty").setLevel(level.isGreaterOrEqual(Level.INFO) ? Level.WARN : Level.INFO);
        context.getLogger("io.javalin").setLevel(serverLevel);
    }
}

package dev.kiln.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Kiln on the classpath, as built by Maven. */
public final class KilnVersion {
    private static final String VERSION = load();

    private KilnVersion() {
    }

    /** For example "0.1.0-SNAPSHOT". */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = KilnVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kiln's version.properties", e);
        }
    }
}

package io.argus.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of Argus. */
public final class Argus {

    private static final String VERSION = loadVersion();

    private Argus() {
    }

    /** The Argus version, as the build recorded it. */
    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = Argus.class.getResourceAsStream("argus.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

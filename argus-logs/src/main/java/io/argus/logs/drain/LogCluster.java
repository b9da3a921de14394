package io.argus.logs.drain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A snapshot of one log group of a {@link Drain} parser: its id, its template tokens ({@code <*>} where
 * the messages differ) and the number of messages it has absorbed.
 *
 * @param id the cluster id, stable for the life of the parser (1, 2, ... in order of creation)
 * @param tokens the template tokens
 * @param size the number of messages added to it
 */
public record LogCluster(int id, List<String> tokens, long size) {

    /** The wildcard token. */
    public static final String WILDCARD = "<*>";

    public LogCluster {
        tokens = List.copyOf(tokens);
    }

    /** The template as loghub writes it: the tokens joined by single spaces. */
    public String template() {
        return String.join(" ", tokens);
    }

    /** Loghub's event id of this template, see {@link #eventId(String)}. */
    public String eventId() {
        return eventId(template());
    }

    /**
     * Loghub's event id of a template: the first 8 hex digits of the MD5 of its UTF-8 bytes
     * ({@code hashlib.md5(template_str.encode('utf-8')).hexdigest()[0:8]} in Drain.py). Two groups with
     * the same final template share an id, which is how loghub's accuracy counts them.
     */
    public static String eventId(String template) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] d = md5.digest(template.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(d, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }
}

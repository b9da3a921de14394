package io.argus.logs.drain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.argus.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saves and restores the complete state of a {@link Drain} parser as plain JSON, so that a long-running
 * parser survives restarts and continues exactly as if it had not stopped (same templates, same ids,
 * same tree, same LRU order).
 *
 * <p>The file is a JSON object read as a tree of plain values (Jackson's tree model): no class names, no
 * polymorphic typing, no Java serialization, so a file can only ever produce a parser, never run code
 * (the risk of Drain3's jsonpickle snapshots, see PostHog PR #66080). Every value is validated while
 * reading, and errors name the file and the offending entry. Keys: {@code format} ("argus-drain"),
 * {@code version} (1), {@code config}, {@code nextId}, {@code clusters} (id, tokens, size, in held order)
 * and {@code tree} (per token count, the nodes with their children in insertion order and the ids of the
 * templates filed there). Writes are atomic.
 */
public final class DrainState {

    /** The format name in every state file. */
    public static final String FORMAT = "argus-drain";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DrainState() {
    }

    /** The parser's state as JSON text. */
    public static String toJson(Drain drain) {
        ObjectNode rootJson = JSON.createObjectNode();
        rootJson.put("format", FORMAT);
        rootJson.put("version", VERSION);
        DrainConfig c = drain.config();
        ObjectNode cfg = rootJson.putObject("config");
        cfg.put("depth", c.depth());
        cfg.put("similarity", c.similarity());
        cfg.put("maxChildren", c.maxChildren());
        cfg.put("maxClusters", c.maxClusters());
        ArrayNode masks = cfg.putArray("masks");
        c.masks().forEach(masks::add);
        rootJson.put("nextId", drain.nextId);
        ArrayNode clusters = rootJson.putArray("clusters");
        for (Drain.Cluster cl : drain.rawClusters()) {
            ObjectNode o = clusters.addObject();
            o.put("id", cl.id);
            ArrayNode toks = o.putArray("tokens");
            for (String t : cl.tokens) {
                toks.add(t);
            }
            o.put("size", cl.size);
        }
        ArrayNode tree = rootJson.putArray("tree");
        for (Map.Entry<Integer, Drain.Node> e : drain.root.entrySet()) {
            ObjectNode o = tree.addObject();
            o.put("length", e.getKey());
            o.set("node", node(e.getValue()));
        }
        try {
            return JSON.writeValueAsString(rootJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the Drain state", e);
        }
    }

    private static ObjectNode node(Drain.Node n) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode children = o.putArray("children");
        for (Map.Entry<String, Drain.Node> e : n.children.entrySet()) {
            ObjectNode ch = children.addObject();
            ch.put("token", e.getKey());
            ch.set("node", node(e.getValue()));
        }
        if (n.clusters != null) {
            ArrayNode ids = o.putArray("clusters");
            n.clusters.forEach(c -> ids.add(c.id));
        }
        return o;
    }

    /** Writes the parser's state to {@code file} atomically. */
    public static void write(Path file, Drain drain) {
        AtomicFiles.writeString(file, toJson(drain));
    }

    /**
     * Restores a parser from a state file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     * @throws UncheckedIOException when it cannot be read
     */
    public static Drain read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the Drain state: " + e.getMessage(), e);
        }
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores a parser from JSON text.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Drain fromJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed Drain state JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Drain state is not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new IllegalArgumentException("not a Drain state file (format is " + root.path("format") + ", expected \"" + FORMAT + "\")");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("Drain state version " + root.path("version") + " is not supported; this Argus reads version " + VERSION);
        }
        JsonNode cfg = root.path("config");
        List<String> masks = new ArrayList<>();
        for (JsonNode m : array(cfg, "masks")) {
            masks.add(text(m, "config.masks[]"));
        }
        DrainConfig config = new DrainConfig(integer(cfg, "depth"), number(cfg, "similarity"), integer(cfg, "maxChildren"),
                integer(cfg, "maxClusters"), masks);
        Drain drain = new Drain(config);
        int nextId = integer(root, "nextId");
        Map<Integer, Drain.Cluster> byId = new HashMap<>();
        for (JsonNode c : array(root, "clusters")) {
            int id = integer(c, "id");
            if (id < 1 || id >= nextId) {
                throw new IllegalArgumentException("cluster id " + id + " is out of range; allowed: [1, " + (nextId - 1) + "]");
            }
            List<String> toks = new ArrayList<>();
            for (JsonNode t : array(c, "tokens")) {
                toks.add(text(t, "cluster " + id + " token"));
            }
            long size = c.path("size").asLong(-1);
            if (size < 1) {
                throw new IllegalArgumentException("cluster " + id + " has size " + c.path("size") + "; must be >= 1");
            }
            String[] tokens = toks.toArray(new String[0]);
            Drain.Cluster cl = new Drain.Cluster(id, tokens, size, tokens.length < config.depth() - 2);
            if (byId.put(id, cl) != null) {
                throw new IllegalArgumentException("cluster id " + id + " appears twice");
            }
            drain.clusters.put(id, cl);
        }
        Set<Integer> filed = new HashSet<>();
        for (JsonNode t : array(root, "tree")) {
            int length = integer(t, "length");
            if (drain.root.containsKey(length)) {
                throw new IllegalArgumentException("tree has token count " + length + " twice");
            }
            drain.root.put(length, readNode(t.path("node"), length, 1, config.depth(), byId, filed));
        }
        if (filed.size() != byId.size()) {
            Set<Integer> missing = new HashSet<>(byId.keySet());
            missing.removeAll(filed);
            throw new IllegalArgumentException("clusters " + missing + " are not filed in the tree");
        }
        drain.nextId = nextId;
        return drain;
    }

    private static Drain.Node readNode(JsonNode o, int length, int level, int depth, Map<Integer, Drain.Cluster> byId, Set<Integer> filed) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("tree node at level " + level + " is not an object");
        }
        if (level > depth) {
            throw new IllegalArgumentException("tree is deeper than the configured depth " + depth);
        }
        Drain.Node n = new Drain.Node();
        for (JsonNode ch : array(o, "children")) {
            String token = text(ch.path("token"), "tree token");
            if (n.children.put(token, readNode(ch.path("node"), length, level + 1, depth, byId, filed)) != null) {
                throw new IllegalArgumentException("tree node has child '" + token + "' twice");
            }
        }
        JsonNode ids = o.path("clusters");
        if (!ids.isMissingNode()) {
            if (!ids.isArray()) {
                throw new IllegalArgumentException("tree node 'clusters' is not an array");
            }
            n.clusters = new ArrayList<>(ids.size());
            for (JsonNode idNode : ids) {
                int id = idNode.asInt(-1);
                Drain.Cluster c = byId.get(id);
                if (c == null || !idNode.canConvertToInt()) {
                    throw new IllegalArgumentException("tree files unknown cluster " + idNode);
                }
                if (!filed.add(id)) {
                    throw new IllegalArgumentException("cluster " + id + " is filed twice in the tree");
                }
                if (c.tokens.length != length) {
                    throw new IllegalArgumentException("cluster " + id + " has " + c.tokens.length + " tokens but is filed under token count " + length);
                }
                c.leaf = n;
                n.clusters.add(c);
            }
        }
        return n;
    }

    private static Iterable<JsonNode> array(JsonNode o, String key) {
        JsonNode a = o.path(key);
        if (!a.isArray()) {
            throw new IllegalArgumentException("'" + key + "' is missing or not an array");
        }
        return a;
    }

    private static int integer(JsonNode o, String key) {
        JsonNode v = o.path(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("'" + key + "' is missing or not an integer: " + v);
        }
        return v.asInt();
    }

    private static double number(JsonNode o, String key) {
        JsonNode v = o.path(key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' is missing or not a number: " + v);
        }
        return v.asDouble();
    }

    private static String text(JsonNode v, String what) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException(what + " is not a string: " + v);
        }
        return v.asText();
    }
}

package io.argus.logs.drain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drain, the online log parser with a fixed-depth prefix tree: it groups log messages into templates
 * one message at a time.
 *
 * <p>He, Zhu, Zheng, Lyu, "Drain: An Online Log Parsing Approach with Fixed Depth Tree", ICWS 2017. This
 * follows the reference implementation, {@code logpai/logparser} {@code Drain/Drain.py}, step by step, so
 * that loghub's published grouping accuracies are reproduced exactly:
 * <ol>
 * <li>the content is masked (each regex of {@link DrainConfig#masks()} replaced by {@code <*>}, in order),
 *     stripped and split on whitespace, as Python's {@code str.strip().split()};</li>
 * <li>the first tree layer is keyed by the token count, the next depth − 3 layers by the leading tokens.
 *     When a new template is filed, a token containing a digit goes to the {@code <*>} child, and a node
 *     that already has {@code maxChildren} children sends new tokens to {@code <*>}; when searching, an
 *     exact child wins over {@code <*>}, and with neither there is no match;</li>
 * <li>in the leaf, the template with the highest similarity (positions where a constant template token
 *     equals the message's token, divided by the length; ties go to the template with more {@code <*>})
 *     matches when the similarity is at least st;</li>
 * <li>a match turns the positions where template and message differ into {@code <*>}; no match creates a
 *     new template from the message and files it in the tree.</li>
 * </ol>
 * A template stays in the leaf where it was filed even when merging later turns its leading tokens into
 * {@code <*>} (as in Drain.py). Messages of fewer than depth − 2 tokens never reach a leaf in Drain.py,
 * which therefore makes a new group of every such message; here they are filed at the node their last
 * token reaches and join a template only when equal to it, which gives the same templates and event ids
 * with a bounded number of groups.
 *
 * <p><b>Streaming and match-only mode, consistent by design.</b> {@link #add} and {@link #match} run the
 * same code to find a template for a message (one private lookup: the same masking, tokenising, tree
 * walk, similarity and threshold); {@code add} then updates what it found (or files a new template), and
 * {@code match} stops there and changes nothing, not even the recency order of the LRU bound. Hence, for
 * any parser state and message, {@code match(m)} returns exactly the template that {@code add(m)} would
 * put m in, or nothing when {@code add} would create a new one; a sequence of matches never changes what
 * later adds do. (Drain3's {@code match()} instead searches with its own rule — threshold 1, wildcards
 * counted as matches — and so can disagree with {@code add_log_message}: Drain3 issues #48, #32.) A
 * message once added keeps passing the threshold against its own template: merging keeps exactly the
 * positions where every absorbed message agreed, at least st of them, so the similarity of an absorbed
 * message to its template never drops below st. It can still be matched to another template later when
 * a newer template in the same leaf is more similar or a newer tree node reroutes it; the ids that
 * {@code add} returned are the record of what was parsed when.
 *
 * <p>With {@link DrainConfig#maxClusters()} &gt; 0 the least recently used template (by {@code add}) is
 * dropped when a new one would exceed the bound, and removed from its leaf.
 *
 * <p>Not thread-safe: one thread adds; tokenising ({@link #tokenize}) is thread-safe and can run ahead in
 * parallel, which is how {@link io.argus.logs.parse.LogParser} uses several cores without changing the
 * result. Time per message: the masks, O(depth) map lookups and O(c·L) for the c templates of length L in
 * its leaf. Memory: the templates and the tree.
 */
public final class Drain {

    /** What {@link #add} did. */
    public enum Change {
        /** The message created a new template. */
        CREATED,
        /** The message joined a template and changed it. */
        UPDATED,
        /** The message joined a template that stays as it was (always the case for {@link #match}). */
        NONE
    }

    /**
     * The template a message went to.
     *
     * @param clusterId the template's id
     * @param template the template after the message (tokens joined by spaces)
     * @param change what the call did
     */
    public record Result(int clusterId, String template, Change change) {

        /** Loghub's event id of the template. */
        public String eventId() {
            return LogCluster.eventId(template);
        }
    }

    static final class Node {
        final LinkedHashMap<String, Node> children = new LinkedHashMap<>(4);
        List<Cluster> clusters;
    }

    static final class Cluster {
        final int id;
        String[] tokens;
        long size;
        Node leaf;
        /** Filed at a short node: matches only equal messages (see the class comment). */
        final boolean exact;

        Cluster(int id, String[] tokens, long size, boolean exact) {
            this.id = id;
            this.tokens = tokens;
            this.size = size;
            this.exact = exact;
        }
    }

    private final DrainConfig config;
    private final Pattern[] masks;
    /** Drain.py's {@code self.depth}: depth − 2. */
    private final int innerDepth;
    final LinkedHashMap<Integer, Node> root = new LinkedHashMap<>();
    /** Insertion order, or access order by {@code add} when bounded. */
    final LinkedHashMap<Integer, Cluster> clusters;
    int nextId = 1;
    private Consumer<LogCluster> evictionListener = c -> { };

    /** A parser with empty state. */
    public Drain(DrainConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.masks = config.masks().stream().map(Pattern::compile).toArray(Pattern[]::new);
        this.innerDepth = config.depth() - 2;
        this.clusters = new LinkedHashMap<>(64, 0.75f, config.maxClusters() > 0);
    }

    /** The settings. */
    public DrainConfig config() {
        return config;
    }

    /** Called with each template dropped by the LRU bound, before it is dropped. */
    public void onEviction(Consumer<LogCluster> listener) {
        this.evictionListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Masks and tokenises a message's content as Drain.py's {@code preprocess(...).strip().split()}.
     * Thread-safe: it reads only the immutable masks.
     */
    public String[] tokenize(String content) {
        String s = content;
        for (Pattern p : masks) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                s = m.replaceAll(LogCluster.WILDCARD);
            }
        }
        return Tokens.split(s);
    }

    /** Adds one message content: finds or creates its template, updates it, and says which. */
    public Result add(String content) {
        return addTokens(tokenize(content));
    }

    /** {@link #add} for a message already {@link #tokenize tokenised} (the array is kept; do not modify it). */
    public Result addTokens(String[] tokens) {
        Cluster c = lookup(tokens);
        if (c == null) {
            c = new Cluster(nextId++, tokens, 1, tokens.length < innerDepth);
            clusters.put(c.id, c);
            file(c);
            evictIfNeeded();
            return new Result(c.id, String.join(" ", c.tokens), Change.CREATED);
        }
        if (config.maxClusters() > 0) {
            clusters.get(c.id); // touch: most recently used
        }
        c.size++;
        String[] merged = merge(tokens, c.tokens);
        Change change = Change.NONE;
        if (merged != null) {
            c.tokens = merged;
            change = Change.UPDATED;
        }
        return new Result(c.id, String.join(" ", c.tokens), change);
    }

    /**
     * The template {@link #add} would put this content in, without changing anything; empty when
     * {@code add} would create a new template. See the class comment for why the two agree.
     */
    public Optional<Result> match(String content) {
        return matchTokens(tokenize(content));
    }

    /** {@link #match} for a message already tokenised. */
    public Optional<Result> matchTokens(String[] tokens) {
        Cluster c = lookup(tokens);
        return c == null ? Optional.empty() : Optional.of(new Result(c.id, String.join(" ", c.tokens), Change.NONE));
    }

    /** The current templates, in order of creation (or of recent use when bounded). */
    public List<LogCluster> clusters() {
        List<LogCluster> out = new ArrayList<>(clusters.size());
        for (Cluster c : clusters.values()) {
            out.add(snapshot(c));
        }
        return out;
    }

    /** The template of that id, when it is held. */
    public Optional<LogCluster> cluster(int id) {
        Cluster c = config.maxClusters() > 0 ? peek(id) : clusters.get(id);
        return c == null ? Optional.empty() : Optional.of(snapshot(c));
    }

    /** Number of templates held. */
    public int size() {
        return clusters.size();
    }

    private Cluster peek(int id) {
        // get() on an access-ordered map would reorder it; a read must not.
        for (Cluster c : clusters.values()) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    private static LogCluster snapshot(Cluster c) {
        return new LogCluster(c.id, Arrays.asList(c.tokens), c.size);
    }

    /**
     * Parameters of a message under a template: the text the template's {@code <*>} stand for, in order,
     * as Drain.py's {@code get_parameter_list} (the template becomes a regex, each {@code <*>} a lazy group,
     * whitespace runs flexible). Masked text is reported as a parameter. Empty when the content does not
     * fit the template.
     */
    public static List<String> parameters(String content, String template) {
        if (!template.contains(LogCluster.WILDCARD)) {
            return List.of();
        }
        StringBuilder re = new StringBuilder("^");
        String[] parts = template.split(Pattern.quote(LogCluster.WILDCARD), -1);
        for (int i = 0; i < parts.length; i++) {
            String[] words = parts[i].split(" +", -1);
            for (int w = 0; w < words.length; w++) {
                if (w > 0) {
                    re.append("\\s+");
                }
                if (!words[w].isEmpty()) {
                    re.append(Pattern.quote(words[w]));
                }
            }
            if (i + 1 < parts.length) {
                re.append("(.*?)");
            }
        }
        re.append('$');
        Matcher m = Pattern.compile(re.toString(), Pattern.DOTALL).matcher(Tokens.strip(content));
        if (!m.matches()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(m.groupCount());
        for (int g = 1; g <= m.groupCount(); g++) {
            out.add(m.group(g));
        }
        return out;
    }

    // ---- the algorithm (Drain.py's treeSearch, fastMatch, addSeqToPrefixTree, getTemplate)

    private Cluster lookup(String[] seq) {
        Node node = root.get(seq.length);
        if (node == null) {
            return null;
        }
        int depth = 1;
        for (String token : seq) {
            if (depth >= innerDepth) {
                break;
            }
            Node next = node.children.get(token);
            if (next == null) {
                next = node.children.get(LogCluster.WILDCARD);
                if (next == null) {
                    return null;
                }
            }
            node = next;
            depth++;
        }
        List<Cluster> leaf = node.clusters;
        if (leaf == null) {
            return null;
        }
        if (seq.length < innerDepth) {
            for (Cluster c : leaf) {
                if (Arrays.equals(c.tokens, seq)) {
                    return c;
                }
            }
            return null;
        }
        return fastMatch(leaf, seq);
    }

    private Cluster fastMatch(List<Cluster> leaf, String[] seq) {
        Cluster best = null;
        double maxSim = -1;
        int maxParams = -1;
        int n = seq.length;
        for (Cluster c : leaf) {
            String[] t = c.tokens;
            int same = 0;
            int params = 0;
            for (int i = 0; i < n; i++) {
                String tok = t[i];
                if (tok.equals(LogCluster.WILDCARD)) {
                    params++;
                } else if (tok.equals(seq[i])) {
                    same++;
                }
            }
            // Drain.py divides by len(seq1); an empty template is identical to an empty message.
            double sim = n == 0 ? 1.0 : (double) same / n;
            if (sim > maxSim || (sim == maxSim && params > maxParams)) {
                maxSim = sim;
                maxParams = params;
                best = c;
            }
        }
        return maxSim >= config.similarity() ? best : null;
    }

    private void file(Cluster c) {
        String[] t = c.tokens;
        Node node = root.computeIfAbsent(t.length, k -> new Node());
        int depth = 1;
        int maxChild = config.maxChildren();
        for (String token : t) {
            if (depth >= innerDepth) {
                break;
            }
            Node next = node.children.get(token);
            if (next == null) {
                Map<String, Node> ch = node.children;
                if (!Tokens.hasDigit(token)) {
                    if (ch.containsKey(LogCluster.WILDCARD)) {
                        if (ch.size() < maxChild) {
                            next = new Node();
                            ch.put(token, next);
                        } else {
                            next = ch.get(LogCluster.WILDCARD);
                        }
                    } else if (ch.size() + 1 < maxChild) {
                        next = new Node();
                        ch.put(token, next);
                    } else if (ch.size() + 1 == maxChild) {
                        next = new Node();
                        ch.put(LogCluster.WILDCARD, next);
                    } else {
                        next = ch.get(LogCluster.WILDCARD);
                    }
                } else {
                    next = ch.get(LogCluster.WILDCARD);
                    if (next == null) {
                        next = new Node();
                        ch.put(LogCluster.WILDCARD, next);
                    }
                }
            }
            node = next;
            depth++;
        }
        if (node.clusters == null) {
            node.clusters = new ArrayList<>(2);
        }
        node.clusters.add(c);
        c.leaf = node;
    }

    /** Drain.py's getTemplate: equal positions kept, others {@code <*>}; null when nothing changes. */
    private static String[] merge(String[] seq, String[] template) {
        String[] out = null;
        for (int i = 0; i < seq.length; i++) {
            if (!seq[i].equals(template[i]) && !template[i].equals(LogCluster.WILDCARD)) {
                if (out == null) {
                    out = template.clone();
                }
                out[i] = LogCluster.WILDCARD;
            }
        }
        return out;
    }

    private void evictIfNeeded() {
        int bound = config.maxClusters();
        if (bound <= 0) {
            return;
        }
        Iterator<Cluster> it = clusters.values().iterator();
        while (clusters.size() > bound && it.hasNext()) {
            Cluster old = it.next();
            evictionListener.accept(snapshot(old));
            it.remove();
            old.leaf.clusters.remove(old);
        }
    }

    /** The clusters in held order (package use: state files). */
    Collection<Cluster> rawClusters() {
        return clusters.values();
    }
}

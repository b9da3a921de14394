package io.argus.logs.session;

import io.argus.core.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions or windows of log events: the unit that log anomaly detectors score. Each session is a
 * sequence of event indices into a vocabulary (the templates or log keys), with an identifier (a block
 * id, a window's start) and, for evaluation only, an optional label (1 = anomalous). Built by
 * {@link Sessions} from a parsed log, or read from key-sequence files ({@link KeySequences}).
 *
 * <p>Immutable from the outside: accessors that expose arrays say so and callers must not modify them.
 * Every event index lies in [0, vocabulary size).
 */
public final class EventSessions implements Dataset {

    private final List<String> ids;
    private final int[][] events;
    private final List<String> vocabulary;
    private final int[] labels;

    private EventSessions(List<String> ids, int[][] events, List<String> vocabulary, int[] labels) {
        this.ids = ids;
        this.events = events;
        this.vocabulary = vocabulary;
        this.labels = labels;
    }

    /**
     * Sessions over a vocabulary.
     *
     * @param ids one identifier per session
     * @param events one event sequence per session (arrays taken, not copied)
     * @param vocabulary the event names; index = event id; no name may contain a line break
     * @param labels one 0/1 label per session, or null
     * @throws IllegalArgumentException when sizes differ, an event is outside the vocabulary, or a label is not 0/1
     */
    public static EventSessions of(List<String> ids, int[][] events, List<String> vocabulary, int[] labels) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(vocabulary, "vocabulary");
        List<String> idList = ids == null ? defaultIds(events.length) : List.copyOf(ids);
        if (idList.size() != events.length) {
            throw new IllegalArgumentException("shape mismatch: " + events.length + " sessions but " + idList.size() + " ids");
        }
        int v = vocabulary.size();
        for (String name : vocabulary) {
            if (name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("event name contains a line break: '" + name + "'");
            }
        }
        for (int i = 0; i < events.length; i++) {
            for (int e : events[i]) {
                if (e < 0 || e >= v) {
                    throw new IllegalArgumentException("session " + idList.get(i) + " has event " + e + " outside the vocabulary [0, " + v + ")");
                }
            }
        }
        if (labels != null) {
            if (labels.length != events.length) {
                throw new IllegalArgumentException("shape mismatch: " + events.length + " sessions but " + labels.length + " labels");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != 0 && labels[i] != 1) {
                    throw new IllegalArgumentException("label of session " + idList.get(i) + " is " + labels[i] + "; labels must be 0 or 1");
                }
            }
        }
        return new EventSessions(idList, events, List.copyOf(vocabulary), labels);
    }

    private static List<String> defaultIds(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    @Override
    public int size() {
        return events.length;
    }

    /** The identifier of session i. */
    public String id(int i) {
        return ids.get(i);
    }

    /** All identifiers. */
    public List<String> ids() {
        return ids;
    }

    /** The events of session i; callers must not modify the array. */
    public int[] events(int i) {
        return events[i];
    }

    /** The event names, index = event id. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** Labels (1 = anomalous) when known; callers must not modify the array. */
    public Optional<int[]> labels() {
        return Optional.ofNullable(labels);
    }

    /** The same sessions without labels: what a detector should see. */
    public EventSessions withoutLabels() {
        return labels == null ? this : new EventSessions(ids, events, vocabulary, null);
    }

    /** The sessions at the given indices, in that order. */
    public EventSessions select(int[] indices) {
        List<String> outIds = new ArrayList<>(indices.length);
        int[][] outEvents = new int[indices.length][];
        int[] outLabels = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            outIds.add(ids.get(i));
            outEvents[k] = events[i];
            if (outLabels != null) {
                outLabels[k] = labels[i];
            }
        }
        return new EventSessions(outIds, outEvents, vocabulary, outLabels);
    }

    /** These sessions followed by {@code other}'s, over the same vocabulary (labels kept only when both have them). */
    public EventSessions concat(EventSessions other) {
        if (!vocabulary.equals(other.vocabulary)) {
            throw new IllegalArgumentException("cannot concatenate sessions over different vocabularies");
        }
        List<String> outIds = new ArrayList<>(ids);
        outIds.addAll(other.ids);
        int[][] outEvents = Arrays.copyOf(events, events.length + other.events.length);
        System.arraycopy(other.events, 0, outEvents, events.length, other.events.length);
        int[] outLabels = null;
        if (labels != null && other.labels != null) {
            outLabels = Arrays.copyOf(labels, labels.length + other.labels.length);
            System.arraycopy(other.labels, 0, outLabels, labels.length, other.labels.length);
        }
        return new EventSessions(outIds, outEvents, vocabulary, outLabels);
    }

    /** The same sessions with these labels. */
    public EventSessions withLabels(int[] newLabels) {
        return of(ids, events, vocabulary, newLabels);
    }

    @Override
    public String toString() {
        return "EventSessions[" + events.length + " sessions, " + vocabulary.size() + " events" + (labels == null ? "" : ", labelled") + "]";
    }
}

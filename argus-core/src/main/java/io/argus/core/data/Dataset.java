package io.argus.core.data;

/**
 * Data of one modality that a detector fits on and scores: a table, a series, a set of sessions, a
 * graph, a set of images. A dataset is a sequence of <em>units</em> (rows, steps, sessions, nodes,
 * images) and a model gives one score per unit.
 */
public interface Dataset {

    /** Number of scored units. */
    int size();
}

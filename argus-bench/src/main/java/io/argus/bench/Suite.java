package io.argus.bench;

import io.argus.core.data.Table;
import java.nio.file.Path;
import java.util.List;

/**
 * A family of labelled data sets evaluated under one protocol, such as ADBench's classical tables.
 * A suite lists whatever files of its kind are in its folder, so held-back data sets are picked up when
 * they appear.
 */
public interface Suite {

    /** The name used with {@code --suite}. */
    String name();

    /** One line: what the suite is and its protocol. */
    String description();

    /** The folder under the data root that holds the suite. */
    String folder();

    /** The metrics the suite reports, by their metrics-library names, in column order. */
    List<String> metrics();

    /** The data sets found under {@code dataRoot}, sorted by name; empty when the folder is missing. */
    List<DatasetRef> datasets(Path dataRoot);

    /** Loads one data set, with labels. */
    Table load(DatasetRef ref);
}

package io.argus.bench;

import java.nio.file.Path;

/**
 * One data set of a suite, not yet loaded.
 *
 * @param suite the suite's name
 * @param name the data set's name in result tables ("10_cover")
 * @param file the file that holds it
 */
public record DatasetRef(String suite, String name, Path file) {
}

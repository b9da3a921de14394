package io.argus.cli;

import io.argus.core.io.CsvOptions;
import io.argus.core.io.TableReaders;
import picocli.CommandLine.Option;

/** How to read a data file: the options of {@link TableReaders.ReadOptions} on the command line. */
final class ReadOptionsMixin {

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "CSV label column (name, or 0-based index; -1 = last); labels are only used for evaluation")
    String label;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default: ',' or tab for .tsv; 'auto' to detect)")
    String delimiter;

    @Option(names = "--header", paramLabel = "auto|yes|no", description = "whether the CSV has a header row (default: auto)", defaultValue = "auto")
    String header;

    @Option(names = "--missing", paramLabel = "POLICY",
            description = "missing CSV values: reject (default), drop-row, mean or zero", defaultValue = "reject")
    String missing;

    @Option(names = "--array", paramLabel = "NAME", description = "NPZ feature array (default: X)", defaultValue = "X")
    String array;

    @Option(names = "--label-array", paramLabel = "NAME", description = "NPZ label array (default: y, if present)", defaultValue = "y")
    String labelArray;

    TableReaders.ReadOptions options() {
        TableReaders.ReadOptions o = TableReaders.ReadOptions.defaults();
        o = o.withHeader(switch (header.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> CsvOptions.Header.AUTO;
            case "yes", "true" -> CsvOptions.Header.YES;
            case "no", "false" -> CsvOptions.Header.NO;
            default -> throw new IllegalArgumentException("--header " + header + ": allowed: auto, yes, no");
        });
        if (delimiter != null) {
            if (delimiter.equalsIgnoreCase("auto")) {
                o = o.withDelimiter(CsvOptions.DETECT_DELIMITER);
            } else {
                String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
                if (d.length() != 1) {
                    throw new IllegalArgumentException("--delimiter '" + delimiter + "': expected one character, 'tab' or 'auto'");
                }
                o = o.withDelimiter(d.charAt(0));
            }
        }
        if (label != null) {
            o = o.withLabel(CsvOptions.LabelColumn.parse(label));
        }
        o = o.withMissing(switch (missing.toLowerCase(java.util.Locale.ROOT)) {
            case "reject" -> CsvOptions.MissingPolicy.REJECT;
            case "drop-row", "drop" -> CsvOptions.MissingPolicy.DROP_ROW;
            case "mean" -> CsvOptions.MissingPolicy.MEAN;
            case "zero" -> CsvOptions.MissingPolicy.ZERO;
            default -> throw new IllegalArgumentException("--missing " + missing + ": allowed: reject, drop-row, mean, zero");
        });
        return o.withArrays(array, labelArray);
    }
}

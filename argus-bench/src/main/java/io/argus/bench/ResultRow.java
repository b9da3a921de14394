package io.argus.bench;

import java.util.Map;

/**
 * One line of {@code results.csv}: one method on one data set with one seed.
 *
 * @param suite the suite
 * @param dataset the data set
 * @param method the method's registry name
 * @param seed the seed
 * @param n rows scored
 * @param fitSeconds wall time of fitting (for methods that score while fitting, both)
 * @param scoreSeconds wall time of scoring after fitting
 * @param status "ok", "timeout", or the error
 * @param metrics metric name to value, in the suite's order (empty unless ok)
 */
public record ResultRow(String suite, String dataset, String method, long seed, long n, double fitSeconds,
        double scoreSeconds, String status, Map<String, Double> metrics) {

    /** Status of a run that finished. */
    public static final String OK = "ok";

    /** Status of a run stopped at the time limit. */
    public static final String TIMEOUT = "timeout";

    /** Whether the run finished. */
    public boolean ok() {
        return OK.equals(status);
    }

    /** The key that identifies a run for resuming. */
    public String key() {
        return key(suite, dataset, method, seed);
    }

    static String key(String suite, String dataset, String method, long seed) {
        return suite + "\u0000" + dataset + "\u0000" + method + "\u0000" + seed;
    }
}

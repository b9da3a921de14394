package io.argus.logs.detect.nextevent;

import io.argus.core.params.Param;
import io.argus.core.params.Params;

/**
 * Parameters of {@link NextEventModel}. Defaults: DeepLog's HDFS setting, history h = 10 and g = 9
 * candidates (Du, Li, Zheng, Srikumar, CCS 2017, §5: "h = 10, g = 9" by default), and an end-of-session
 * event so that a session that stops where normal ones never stop is seen.
 *
 * @param history h: how many previous events the prediction looks at
 * @param candidates g: an event is normal when it is among the g most frequent successors of its history
 * @param endOfSession whether the end of a session is predicted like an event
 */
public record NextEventParams(
        @Param(doc = "history h: previous events the prediction uses", min = 1, max = 100) int history,
        @Param(doc = "candidates g: an event is normal when among the g likeliest next events", min = 1, max = 100000) int candidates,
        @Param(doc = "predict the end of a session like an event") boolean endOfSession) {

    /** DeepLog's defaults (h = 10, g = 9) with the end of session predicted. */
    public static final NextEventParams DEFAULTS = new NextEventParams(10, 9, true);

    public NextEventParams {
        Params.checkRange("history", history, 1, 100);
        Params.checkRange("candidates", candidates, 1, 100000);
    }
}

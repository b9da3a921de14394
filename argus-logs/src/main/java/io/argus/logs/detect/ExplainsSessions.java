package io.argus.logs.detect;

import io.argus.logs.session.EventSessions;
import java.util.List;

/**
 * A log model that can say which events made a session or window anomalous: the alert explains itself
 * with the templates responsible, most responsible first.
 */
public interface ExplainsSessions {

    /** Up to {@code limit} reasons for the score of session {@code i} of {@code data}, most responsible first. */
    List<EventReason> explain(EventSessions data, int i, int limit);
}

package io.argus.logs.detect;

/**
 * One reason why a session or window scored as it did: an event (template or key) and how much it
 * contributed, with a sentence for people.
 *
 * @param event the event name (template)
 * @param weight its share of the score, larger = more responsible (the unit is the method's)
 * @param reason what is wrong with it, e.g. "not among the 9 most likely next events after [5, 22]"
 */
public record EventReason(String event, double weight, String reason) {
}

package io.argus.core.params;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a method's parameter record: a one-line description and, for numbers,
 * the allowed closed range. The record's compact constructor still does the validation; the registry
 * reads this annotation to build the {@link ParamSpec} that the CLI, server and benchmark runner show.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** One line: what the parameter does. */
    String doc();

    /** Smallest allowed value (numbers only). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value (numbers only). */
    double max() default Double.POSITIVE_INFINITY;
}

package io.argus.tabular.ensemble;

import io.argus.core.params.Param;
import io.argus.core.params.Params;
import io.argus.tabular.combine.Combination;
import io.argus.tabular.combine.Standardization;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parameters of {@link Ensemble}. The defaults and the reasons for them are in {@link Ensemble}.
 *
 * @param members registry names of the member methods separated by commas or '+' (the benchmark's
 *        {@code NAME[key=value,...]} syntax splits on commas, so there {@code members=iforest+knn} is written),
 *        each member run with its own default parameters
 * @param rule how the members' standardised scores are merged
 * @param standardization how each member's scores are standardised on its training scores
 * @param buckets number of buckets for the aom and moa rules, in [2, number of members]; ignored otherwise
 */
public record EnsembleParams(
        @Param(doc = "member methods (table methods of the registry) separated by ',' or '+', each with its default parameters") String members,
        @Param(doc = "how standardised member scores are merged") Combination rule,
        @Param(doc = "how each member's scores are standardised on its own training scores") Standardization standardization,
        @Param(doc = "buckets of the aom and moa rules, in [2, number of members]; ignored by average and maximum", min = 2, max = 1000) int buckets) {

    /** The default pool: one member per inductive bias (see {@link Ensemble}). */
    public static final String MEMBERS_DEFAULT = "iforest,knn,ecod,mahalanobis";

    /** Averaging: the variance-reducing rule (see {@link Ensemble}). */
    public static final Combination RULE_DEFAULT = Combination.AVERAGE;

    /** PyOD's z-score standardisation. */
    public static final Standardization STANDARDIZATION_DEFAULT = Standardization.ZSCORE;

    /** PyOD's {@code aom}/{@code moa} default n_buckets = 5 would need at least 5 members; 2 fits every pool. */
    public static final int BUCKETS_DEFAULT = 2;

    /** The defaults. */
    public static final EnsembleParams DEFAULTS = new EnsembleParams(MEMBERS_DEFAULT, RULE_DEFAULT, STANDARDIZATION_DEFAULT, BUCKETS_DEFAULT);

    /** The name under which the ensemble registers; it cannot be its own member. */
    static final String SELF = "ensemble";

    public EnsembleParams {
        if (members == null) {
            throw new IllegalArgumentException("parameter members must name at least one method");
        }
        if (rule == null) {
            throw new IllegalArgumentException("parameter rule must be average, maximum, aom or moa");
        }
        if (standardization == null) {
            throw new IllegalArgumentException("parameter standardization must be zscore or robust");
        }
        List<String> names = parseMembers(members);
        Params.checkRange("buckets", buckets, 2, 1000);
        if (rule.usesBuckets() && buckets > names.size()) {
            throw new IllegalArgumentException("parameter buckets = " + buckets + " is out of range for " + names.size()
                    + " members; allowed: [2, " + names.size() + "]");
        }
    }

    /** The member names, in order. */
    public List<String> memberNames() {
        return parseMembers(members);
    }

    private static List<String> parseMembers(String members) {
        List<String> out = new ArrayList<>();
        for (String part : members.split("[,+]", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("parameter members = '" + members + "' has an empty name; expected method names"
                        + " separated by ',' or '+', e.g. " + MEMBERS_DEFAULT);
            }
            if (name.equals(SELF)) {
                throw new IllegalArgumentException("parameter members: the ensemble cannot be its own member");
            }
            if (out.contains(name)) {
                throw new IllegalArgumentException("parameter members names '" + name + "' twice");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }
}

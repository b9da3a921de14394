package io.argus.metrics.attack;

/**
 * The success rate of an attack on a detector (evasion, prompt injection, poisoning), successes /
 * trials, with the Wilson score confidence interval (Wilson, "Probable inference, the law of
 * succession, and statistical inference", JASA, 1927):
 * <pre>
 *   centre = (p̂ + z²/2n) / (1 + z²/n),   half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
 * </pre>
 * with z the standard normal quantile at 1 − (1 − confidence)/2 (1.959964 for 95%). Unlike the Wald
 * interval it stays inside [0, 1] and keeps near-nominal coverage at 0 or n successes and for small n
 * (Brown, Cai &amp; DasGupta, Statistical Science, 2001). Same as statsmodels'
 * {@code proportion_confint(method="wilson")}. O(1).
 *
 * @param successes successful attacks, in [0, trials]
 * @param trials attempts, &ge; 1
 * @param confidence the interval's confidence level, in (0, 1)
 * @param rate successes / trials
 * @param lower the lower bound of the Wilson interval
 * @param upper the upper bound of the Wilson interval
 */
public record AttackSuccessRate(long successes, long trials, double confidence, double rate, double lower, double upper) {

    /** The default confidence level: 0.95. */
    public static final double CONFIDENCE_DEFAULT = 0.95;

    /** Validates the counts and the confidence level. */
    public AttackSuccessRate {
        check(successes, trials, confidence);
    }

    /** The rate with its 95% Wilson interval. */
    public static AttackSuccessRate of(long successes, long trials) {
        return of(successes, trials, CONFIDENCE_DEFAULT);
    }

    /** The rate with its Wilson interval at the given confidence level. */
    public static AttackSuccessRate of(long successes, long trials, double confidence) {
        check(successes, trials, confidence);
        double z = Normal.quantile(1 - (1 - confidence) / 2);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double lower = successes == 0 ? 0.0 : Math.max(0.0, centre - half);
        double upper = successes == trials ? 1.0 : Math.min(1.0, centre + half);
        return new AttackSuccessRate(successes, trials, confidence, p, lower, upper);
    }

    private static void check(long successes, long trials, double confidence) {
        if (trials < 1) {
            throw new IllegalArgumentException("metric undefined: trials = " + trials + "; the attack success rate needs at least 1 trial");
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes = " + successes + " is out of range; allowed: [0, " + trials + "] (the trials)");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence = " + confidence + " is out of range; allowed: (0, 1)");
        }
    }
}

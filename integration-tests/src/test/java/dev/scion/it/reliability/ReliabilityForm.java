package dev.scion.it.reliability;

import java.time.Duration;

/**
 * Which form of the reliability suites runs: the short CI form (the default, part of the normal surefire run)
 * or the long form ({@code -Dscion.reliability.form=long}, run by {@code bin/reliability --long}). Each figure
 * can also be set directly ({@code -Dscion.reliability.trials}, {@code -Dscion.reliability.seconds}); the seed
 * ({@code -Dscion.reliability.seed}) makes a run repeatable as far as thread scheduling allows.
 */
final class ReliabilityForm {
    private ReliabilityForm() {
    }

    static boolean isLong() {
        return "long".equalsIgnoreCase(System.getProperty("scion.reliability.form", "ci"));
    }

    static String name() {
        return isLong() ? "long" : "ci";
    }

    /** Trials of a trial-based suite: the override, else the CI or long figure. */
    static int trials(int ci, int longForm) {
        return Integer.getInteger("scion.reliability.trials", isLong() ? longForm : ci);
    }

    /** Running time of a time-bounded suite: the override, else the CI or long figure. */
    static Duration duration(int ciSeconds, int longSeconds) {
        return Duration.ofSeconds(Long.getLong("scion.reliability.seconds", isLong() ? longSeconds : ciSeconds));
    }

    static long seed() {
        return Long.getLong("scion.reliability.seed", System.nanoTime());
    }
}

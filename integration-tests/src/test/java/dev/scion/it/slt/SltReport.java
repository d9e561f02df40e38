package dev.scion.it.slt;

import java.util.Collection;
import java.util.Locale;

/** The pass-rate table bin/slt and the gate print: one line per file, then the overall figure. */
final class SltReport {
    private SltReport() { }

    static String render(Collection<SltOutcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        int run = 0;
        int passed = 0;
        for (SltOutcome o : outcomes) {
            sb.append(String.format(Locale.ROOT, "%-40s %7d / %7d  %6.2f%%%n", o.file(), o.passed(), o.run(),
                    100 * o.rate()));
            run += o.run();
            passed += o.passed();
        }
        sb.append(String.format(Locale.ROOT, "%-40s %7d / %7d  %6.2f%%%n", "TOTAL", passed, run,
                run == 0 ? 100.0 : 100.0 * passed / run));
        return sb.toString();
    }
}

package dev.scion.it.slt;

import java.util.List;

/**
 * What running one file gave: how many records ran and passed, and one line per failing record
 * ({@code line: message}). Records for other engines are not counted.
 */
record SltOutcome(String file, int run, int passed, List<Failure> failures) {
    record Failure(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    double rate() {
        return run == 0 ? 1.0 : (double) passed / run;
    }
}

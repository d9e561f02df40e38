package dev.scion.it.cli;

/** What one scion command of a CLI scenario returned and printed. */
record CommandOutput(int exitCode, String out, String err) {
}

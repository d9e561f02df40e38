package dev.scion.storage.log;

/**
 * How far the database the log protects holds the log's records in its own durable files: every record up to
 * {@code sequence}. The record after it, if one was written, starts at byte {@code offset} of segment file
 * {@code file} if that file still holds generation {@code generation}, and otherwise begins a later generation.
 */
record Checkpoint(long sequence, long generation, int file, long offset) {}

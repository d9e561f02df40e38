package dev.scion.versioning.remote;

/** Told how a transfer advances (for a progress line); called on the transferring thread. */
@FunctionalInterface
public interface TransferListener {
    TransferListener NONE = (chunks, bytes) -> { };

    /** Totals so far: chunks received (or sent) and their bytes. */
    void progress(long chunks, long bytes);
}

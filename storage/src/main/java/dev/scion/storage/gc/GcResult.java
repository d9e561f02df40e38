package dev.scion.storage.gc;

/**
 * What one collection did.
 *
 * @param markedChunks chunks found reachable from the roots
 * @param storedChunksBefore chunks in the store when the sweep started
 * @param deletedChunks chunks deleted
 * @param barrierChunks chunks written or existence-checked during the collection (all kept)
 * @param missingChunks reachable addresses with no stored chunk (0 unless a root is still only in an
 *     uncommitted buffer, or the store is damaged)
 * @param bytesBefore RocksDB's size estimate before the collection
 * @param bytesAfter the estimate after the sweep and compaction
 * @param pausedNanos how long writers were paused for the final mark
 * @param barrierBytes uncompressed bytes of the chunks written during the collection (all kept, garbage or not)
 */
public record GcResult(long markedChunks, long storedChunksBefore, long deletedChunks, long barrierChunks,
    long missingChunks, long bytesBefore, long bytesAfter, long pausedNanos, long barrierBytes) {}

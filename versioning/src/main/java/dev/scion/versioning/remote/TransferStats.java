package dev.scion.versioning.remote;

/**
 * What one transfer did.
 *
 * @param chunksCopied chunks fetched from the source and stored at the destination
 * @param bytesCopied their total size
 * @param chunksPruned chunks not copied because the destination already had them (their subtrees were skipped)
 * @param getRequests batched get requests sent to the source
 */
public record TransferStats(long chunksCopied, long bytesCopied, long chunksPruned, long getRequests) {
    public static final TransferStats NONE = new TransferStats(0, 0, 0, 0);

    public TransferStats plus(TransferStats o) {
        return new TransferStats(chunksCopied + o.chunksCopied, bytesCopied + o.bytesCopied,
                chunksPruned + o.chunksPruned, getRequests + o.getRequests);
    }
}

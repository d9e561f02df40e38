package dev.scion.wire.connection;

import dev.scion.wire.codec.PacketFramer;
import dev.scion.wire.codec.SequenceId;
import dev.scion.wire.packet.MySqlPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker-side output of one connection. Packets are framed into a batch buffer that is handed to Netty
 * once it holds {@link #BATCH_BYTES} (or when the command ends), so a result set costs one event-loop task
 * per batch rather than per row. Before handing over a batch the worker waits while the channel is not
 * writable (its outbound buffer is above the high water mark): a slow client slows the statement down
 * instead of filling memory.
 *
 * <p>Only the worker running the connection's current task calls this; {@link #wakeUp} may be called from
 * the event loop.
 */
public final class PacketWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PacketWriter.class);

    static final int BATCH_BYTES = 32 * 1024;
    /** Most responses (OK, a row or two) are small: start small, the buffer grows for row sets. */
    private static final int INITIAL_BATCH_BYTES = 1024;

    private final Channel channel;
    private final SequenceId sequenceId;
    private final Object writability = new Object();
    private ByteBuf batch;

    /** 0 = wait for a stalled client forever. */
    private final long writeTimeoutMillis;

    PacketWriter(Channel channel, SequenceId sequenceId, long writeTimeoutMillis) {
        this.channel = channel;
        this.sequenceId = sequenceId;
        this.writeTimeoutMillis = writeTimeoutMillis;
    }

    public SequenceId sequenceId() {
        return sequenceId;
    }

    /** Queues a packet, handing the batch to Netty when it is big enough. */
    public void write(MySqlPacket packet) {
        if (!channel.isActive()) {
            release();
            throw new ConnectionClosedException();
        }
        if (batch == null) {
            batch = channel.alloc().buffer(INITIAL_BATCH_BYTES);
        }
        PacketFramer.write(batch, packet, sequenceId);
        if (batch.readableBytes() >= BATCH_BYTES) {
            flush();
        }
    }

    /** Hands everything written so far to Netty (waiting while the channel is not writable) and flushes. */
    public void flush() {
        if (batch == null) {
            return;
        }
        if (!batch.isReadable()) {
            return;
        }
        ByteBuf out = batch;
        batch = null;
        if (!awaitWritable()) {
            out.release();
            throw new ConnectionClosedException();
        }
        channel.writeAndFlush(out, channel.voidPromise());
    }

    /**
     * Hands everything written so far to Netty and runs {@code action} on the event loop in the same task, right
     * after the write: no read of the channel can come in between (used to change the pipeline at a packet
     * boundary, see {@link MySqlConnection#enableCompression()}).
     */
    public void flushThen(Runnable action) {
        ByteBuf out = batch;
        batch = null;
        if (out != null && (!out.isReadable() || !awaitWritable())) {
            out.release();
            out = null;
        }
        ByteBuf toWrite = out;
        channel.eventLoop().execute(() -> {
            if (toWrite != null) {
                channel.writeAndFlush(toWrite, channel.voidPromise());
            }
            action.run();
        });
    }

    /** Drops unsent output (the connection is closing). */
    public void release() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }

    /**
     * Blocks the calling worker until the channel is writable; false if it closed meanwhile. A client that reads
     * nothing for the write timeout (net_write_timeout) is disconnected, so it cannot hold a worker forever.
     */
    private boolean awaitWritable() {
        if (channel.eventLoop().inEventLoop()) {
            return channel.isActive();
        }
        long deadline = System.nanoTime() + writeTimeoutMillis * 1_000_000L;
        synchronized (writability) {
            while (channel.isActive() && !channel.isWritable()) {
                if (writeTimeoutMillis > 0 && System.nanoTime() - deadline > 0) {
                    LOG.debug("client read nothing for {} ms (write timeout): closing", writeTimeoutMillis);
                    channel.close();
                    return false;
                }
                try {
                    writability.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return channel.isActive();
    }

    /** Called by the event loop when writability changes or the channel closes. */
    void wakeUp() {
        synchronized (writability) {
            writability.notifyAll();
        }
    }
}

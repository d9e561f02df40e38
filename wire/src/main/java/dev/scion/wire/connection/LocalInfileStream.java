package dev.scion.wire.connection;

import dev.scion.wire.codec.InboundPacket;
import dev.scion.wire.codec.SequenceId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The content of a LOAD DATA LOCAL INFILE file as the client streams it: one packet after another until an
 * empty packet. The event loop {@link #offer offers} packets; the worker running the statement reads them.
 * Reading from the socket pauses while more than {@link #PAUSE_AT} bytes wait to be read, so a large file never
 * sits in memory whole.
 */
final class LocalInfileStream extends InputStream {

    static final int PAUSE_AT = 4 * 1024 * 1024;
    static final int RESUME_AT = 1024 * 1024;

    private final Channel channel;
    private final SequenceId sequenceId;
    private final Deque<InboundPacket> packets = new ArrayDeque<>();
    private long buffered;
    private ByteBuf current;
    private boolean ended;
    private boolean aborted;

    LocalInfileStream(Channel channel, SequenceId sequenceId) {
        this.channel = channel;
        this.sequenceId = sequenceId;
    }

    /** Event loop: one more packet of the file; true if it was the empty packet that ends the file. */
    synchronized boolean offer(InboundPacket packet) {
        if (aborted) {
            packet.payload().release();
            return true;
        }
        packets.add(packet);
        buffered += packet.payload().readableBytes();
        if (buffered > PAUSE_AT && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
        }
        notifyAll();
        return !packet.payload().isReadable();
    }

    /** The client went away: a blocked reader fails. */
    synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || !current.isReadable()) {
            if (current != null) {
                current.release();
                current = null;
            }
            if (ended) {
                return -1;
            }
            if (!nextPacket()) {
                return -1;
            }
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        return n;
    }

    /** Waits for the next packet; false when the file has ended. */
    private boolean nextPacket() throws IOException {
        while (packets.isEmpty()) {
            if (aborted) {
                throw new IOException("the client closed the connection while sending a LOCAL INFILE file");
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading a LOCAL INFILE file");
            }
        }
        InboundPacket packet = packets.poll();
        buffered -= packet.payload().readableBytes();
        if (buffered < RESUME_AT && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
        // the server's answer continues after the client's last packet
        sequenceId.continueAfter(packet.sequenceId());
        if (!packet.payload().isReadable()) {
            packet.payload().release();
            ended = true;
            return false;
        }
        current = packet.payload();
        return true;
    }

    /** Reads and drops the rest of the file (the statement failed or did not read it all). */
    synchronized void drain() throws IOException {
        byte[] skip = new byte[8192];
        while (read(skip, 0, skip.length) >= 0) {
            // keep reading until the empty packet
        }
    }

    @Override
    public synchronized void close() {
        // the connection drains and releases what is left after the statement (see drain and releaseAll)
    }

    /** Frees buffered packets (after the connection closed). */
    synchronized void releaseAll() {
        if (current != null) {
            current.release();
            current = null;
        }
        for (InboundPacket p : packets) {
            p.payload().release();
        }
        packets.clear();
    }
}

package dev.scion.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;

import java.util.List;

/**
 * Splits the byte stream into MySQL frames (3-byte little-endian payload length, 1-byte sequence id) and joins
 * frames of exactly 0xFFFFFF bytes with their continuation into one {@link InboundPacket}. A logical packet
 * larger than max_allowed_packet is never buffered: its bytes are skipped as they arrive and an
 * {@link OversizedPacket} is emitted once its last frame has been skipped.
 *
 * <p>Sequence ids are reported, not checked or assigned here: see {@link SequenceId}.
 *
 * <p>TLS: when the server has a TLS context and the client's first packet is an SSLRequest (32 bytes with
 * CLIENT_SSL), the decoder puts an {@link io.netty.handler.ssl.SslHandler} in front of itself right here on the
 * event loop, before another byte is read: the client starts its TLS handshake without waiting for an answer,
 * so the switch cannot wait for a worker. Bytes that arrived together with the SSLRequest are fed back through
 * the new handler.
 */
public final class PacketDecoder extends ByteToMessageDecoder {

    /** Largest payload of a single frame; a frame this long is continued by the next one. */
    public static final int MAX_FRAME_PAYLOAD = 0xFFFFFF;
    public static final int HEADER_LENGTH = 4;

    /** CLIENT_SSL in the capability flags that open an SSLRequest. */
    private static final int CLIENT_SSL = 0x0800;
    /** An SSLRequest's length: capabilities, max packet size, character set, 23 filler bytes. */
    private static final int SSL_REQUEST_LENGTH = 32;
    public static final String TLS_HANDLER_NAME = "tls";

    private final long maxAllowedPacket;
    private final SslContext sslContext;
    private boolean firstPacket = true;

    private CompositeByteBuf pending;
    private long pendingLength;

    private boolean discarding;
    private long discardFrameRemaining;
    private boolean discardingLastFrame;
    private int discardSequenceId;
    private long discardedLength;

    public PacketDecoder(long maxAllowedPacket) {
        this(maxAllowedPacket, null);
    }

    /** @param sslContext the server's TLS context, or null when TLS is not offered */
    public PacketDecoder(long maxAllowedPacket, SslContext sslContext) {
        this.maxAllowedPacket = maxAllowedPacket;
        this.sslContext = sslContext;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            if (discarding) {
                if (discardFrameRemaining > 0) {
                    int n = (int) Math.min(in.readableBytes(), discardFrameRemaining);
                    in.skipBytes(n);
                    discardFrameRemaining -= n;
                    if (discardFrameRemaining > 0) {
                        return;
                    }
                }
                if (discardingLastFrame) {
                    discarding = false;
                    out.add(new OversizedPacket(discardSequenceId, discardedLength));
                    continue;
                }
                if (in.readableBytes() < HEADER_LENGTH) {
                    return;
                }
                int length = in.readUnsignedMediumLE();
                startDiscardFrame(length, in.readUnsignedByte());
                discardedLength += length;
                continue;
            }

            if (in.readableBytes() < HEADER_LENGTH) {
                return;
            }
            int readerIndex = in.readerIndex();
            int length = in.getUnsignedMediumLE(readerIndex);
            int sequenceId = in.getUnsignedByte(readerIndex + 3);

            if (pendingLength + length > maxAllowedPacket) {
                in.skipBytes(HEADER_LENGTH);
                discarding = true;
                discardedLength = pendingLength + length;
                releasePending();
                startDiscardFrame(length, sequenceId);
                continue;
            }
            if (in.readableBytes() < HEADER_LENGTH + length) {
                return;
            }
            in.skipBytes(HEADER_LENGTH);
            ByteBuf frame = in.readRetainedSlice(length);
            boolean first = firstPacket;
            firstPacket = false;
            if (first && isSslRequest(frame, length)) {
                out.add(new InboundPacket(sequenceId, frame));
                switchToTls(ctx, in);
                return;
            }
            if (length == MAX_FRAME_PAYLOAD) {
                if (pending == null) {
                    pending = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
                }
                pending.addComponent(true, frame);
                pendingLength += length;
                continue;
            }
            if (pending != null) {
                pending.addComponent(true, frame);
                out.add(new InboundPacket(sequenceId, pending));
                pending = null;
                pendingLength = 0;
            } else {
                out.add(new InboundPacket(sequenceId, frame));
            }
        }
    }

    private boolean isSslRequest(ByteBuf frame, int length) {
        return sslContext != null && length == SSL_REQUEST_LENGTH
                && (frame.getIntLE(frame.readerIndex()) & CLIENT_SSL) != 0;
    }

    private void switchToTls(ChannelHandlerContext ctx, ByteBuf in) {
        ctx.pipeline().addFirst(TLS_HANDLER_NAME, sslContext.newHandler(ctx.alloc()));
        if (in.isReadable()) {
            // the start of the TLS handshake came in the same read: decrypt it first, after this read is done
            ByteBuf early = in.readRetainedSlice(in.readableBytes());
            // (read-complete too: SslHandler flushes its handshake answer there)
            ctx.channel().eventLoop().execute(() -> ctx.pipeline().fireChannelRead(early).fireChannelReadComplete());
        }
    }

    private void startDiscardFrame(int length, int sequenceId) {
        discardFrameRemaining = length;
        discardingLastFrame = length < MAX_FRAME_PAYLOAD;
        discardSequenceId = sequenceId;
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        pendingLength = 0;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releasePending();
    }
}

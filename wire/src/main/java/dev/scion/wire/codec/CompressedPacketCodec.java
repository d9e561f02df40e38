package dev.scion.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;

import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compressed protocol (CLIENT_COMPRESS, zlib), a layer under the MySQL packets: after authentication every
 * byte in either direction travels in compressed packets of a 7-byte header (3-byte length of what follows,
 * 1-byte compressed sequence id, 3-byte length before compression, 0 when the payload is sent as is) and a
 * zlib stream of up to 0xFFFFFF bytes of ordinary MySQL frames. Sits between TLS and {@link PacketDecoder}: inbound
 * it hands the uncompressed byte stream on, outbound it wraps each batch the writer produces.
 *
 * <p>The compressed sequence id counts independently of the packets' own ids and restarts with each command:
 * the client's first compressed packet of a command has id 0 and the server's answers continue from the last id
 * received.
 */
public final class CompressedPacketCodec extends ByteToMessageCodec<ByteBuf> {
    public static final String NAME = "compression";
    static final int HEADER_LENGTH = 7;
    /** As MySQL: payloads shorter than this are not worth compressing (MIN_COMPRESS_LENGTH). */
    static final int MIN_COMPRESS_LENGTH = 50;
    private static final int MAX_CHUNK = PacketDecoder.MAX_FRAME_PAYLOAD;

    private final Inflater inflater = new Inflater();
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private int sequenceId;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws DataFormatException {
        while (in.readableBytes() >= HEADER_LENGTH) {
            int start = in.readerIndex();
            int compressedLength = in.getUnsignedMediumLE(start);
            if (in.readableBytes() < HEADER_LENGTH + compressedLength) {
                return;
            }
            sequenceId = (in.getUnsignedByte(start + 3) + 1) & 0xff;
            int uncompressedLength = in.getUnsignedMediumLE(start + 4);
            in.skipBytes(HEADER_LENGTH);
            if (uncompressedLength == 0) {
                out.add(in.readRetainedSlice(compressedLength));
                continue;
            }
            byte[] compressed = new byte[compressedLength];
            in.readBytes(compressed);
            byte[] plain = new byte[uncompressedLength];
            inflater.reset();
            inflater.setInput(compressed);
            int n = inflater.inflate(plain);
            if (n != uncompressedLength || !inflater.finished()) {
                throw new MalformedPacketException("compressed packet inflates to " + n + " bytes, not the "
                        + uncompressedLength + " its header says");
            }
            out.add(ctx.alloc().buffer(n).writeBytes(plain));
        }
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
        byte[] buffer = null;
        while (msg.isReadable()) {
            int chunk = Math.min(msg.readableBytes(), MAX_CHUNK);
            byte[] plain = new byte[chunk];
            msg.readBytes(plain);
            int compressedLength = 0;
            if (chunk >= MIN_COMPRESS_LENGTH) {
                if (buffer == null || buffer.length < chunk) {
                    buffer = new byte[chunk];
                }
                deflater.reset();
                deflater.setInput(plain);
                deflater.finish();
                compressedLength = deflater.deflate(buffer);
                if (!deflater.finished() || compressedLength >= chunk) {
                    compressedLength = 0; // does not shrink: send as is
                }
            }
            if (compressedLength > 0) {
                out.writeMediumLE(compressedLength);
                out.writeByte(nextSequenceId());
                out.writeMediumLE(chunk);
                out.writeBytes(buffer, 0, compressedLength);
            } else {
                out.writeMediumLE(chunk);
                out.writeByte(nextSequenceId());
                out.writeMediumLE(0);
                out.writeBytes(plain);
            }
        }
    }

    private int nextSequenceId() {
        int id = sequenceId;
        sequenceId = (sequenceId + 1) & 0xff;
        return id;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
        try {
            super.handlerRemoved(ctx);
        } finally {
            inflater.end();
            deflater.end();
        }
    }
}

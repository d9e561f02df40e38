package dev.scion.wire.connection;

import dev.scion.wire.codec.InboundPacket;
import dev.scion.wire.codec.OversizedPacket;
import dev.scion.wire.codec.PacketFramer;
import dev.scion.wire.codec.SequenceId;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.packet.generic.ErrPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The event-loop end of a connection: creates the {@link MySqlConnection} (or refuses it with error 1040),
 * passes decoded packets and channel events to it, and never runs handler code itself.
 */
public final class FrontendChannelHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(FrontendChannelHandler.class);

    private final ServerContext server;
    private MySqlConnection connection;

    public FrontendChannelHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ConnectionRegistry registry = server.registry();
        if (!registry.tryReserve()) {
            ByteBuf out = ctx.alloc().buffer();
            PacketFramer.write(out, ErrPacket.of(ErrorCode.ER_CON_COUNT_ERROR), new SequenceId());
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        connection = new MySqlConnection(registry.nextConnectionId(), ctx.channel(), server);
        registry.add(connection);
        connection.onActive();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (connection == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof InboundPacket packet) {
            connection.onPacket(packet);
        } else if (msg instanceof OversizedPacket oversized) {
            connection.onOversizedPacket(oversized);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (connection != null) {
            connection.onWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            connection.onInactive();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof io.netty.handler.codec.DecoderException
                || cause instanceof javax.net.ssl.SSLException) {
            // the client's doing (reset, garbage instead of TLS, failed TLS handshake): no stack trace
            LOG.debug("connection {}: {}", connection == null ? "-" : connection.id(), cause.toString());
        } else {
            LOG.warn("connection {}: closing after error", connection == null ? "-" : connection.id(), cause);
        }
        ctx.close();
    }
}

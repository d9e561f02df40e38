package dev.scion.wire;

import dev.scion.wire.api.WireHandler;
import dev.scion.wire.auth.RsaPasswordExchange;
import dev.scion.wire.codec.PacketDecoder;
import dev.scion.wire.connection.ConnectionRegistry;
import dev.scion.wire.connection.EventLoopOccupancy;
import dev.scion.wire.connection.FrontendChannelHandler;
import dev.scion.wire.connection.MySqlConnection;
import dev.scion.wire.connection.ServerContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The MySQL protocol server: Netty event loops decode packets, a worker pool runs each connection's commands
 * in order against the {@link WireHandler}'s sessions.
 *
 * <pre>
 *   try (WireServer server = new WireServer(WireConfig.defaults().withPort(0), handler)) {
 *       server.start();
 *       int port = server.port();
 *       ...
 *   }
 * </pre>
 */
public final class WireServer implements AutoCloseable {
    /** Name of the framing decoder in each channel's pipeline (TLS and compression go in front of it). */
    public static final String PACKET_DECODER = "packet-decoder";


    private static final Logger LOG = LoggerFactory.getLogger(WireServer.class);

    /** Outbound bytes queued per connection above which a worker writing results waits. */
    static final int HIGH_WATER_MARK = 512 * 1024;
    static final int LOW_WATER_MARK = 128 * 1024;
    /** A JVM property that sets the number of event loops (tests use 1 to make connections share one). */
    public static final String EVENT_LOOPS = "scion.wire.eventLoops";
    /**
     * Event loops for connections: more than the cores, so that up to this many clients each have a loop of their
     * own and run their brief statements there (see {@link EventLoopOccupancy}).
     */
    private static int eventLoops() {
        return Integer.getInteger(EVENT_LOOPS, Math.max(16, 2 * Runtime.getRuntime().availableProcessors()));
    }

    private final WireConfig config;
    private final WireHandler handler;
    private EventLoopGroup bossGroup;
    private EventLoopGroup ioGroup;
    private ThreadPoolExecutor workers;
    private ServerContext context;
    private Channel serverChannel;
    private boolean closed;

    public WireServer(WireConfig config, WireHandler handler) {
        this.config = config;
        this.handler = handler;
    }

    /**
     * Binds and starts accepting connections.
     *
     * @throws IllegalStateException if already started, or the address cannot be bound (port in use)
     */
    public synchronized void start() {
        if (serverChannel != null || closed) {
            throw new IllegalStateException("server already started or closed");
        }
        // the key file is read (or created) before anything starts: a damaged one stops the server here instead of
        // failing logins later
        RsaPasswordExchange rsa = config.rsaKeyFile() == null ? null : RsaPasswordExchange.fromFile(config.rsaKeyFile());
        // threads start when a task finds none idle and end after a minute idle; a task goes to the thread idle
        // the shortest time, so one connection's statements stay on a warm thread (MostRecentIdleFirstQueue)
        MostRecentIdleFirstQueue queue = new MostRecentIdleFirstQueue();
        workers = new ThreadPoolExecutor(0, config.workerThreads(), 60, TimeUnit.SECONDS, queue,
                new DefaultThreadFactory("scion-wire-worker", true), queue.whenAllBusy());
        EventLoopOccupancy occupancy = new EventLoopOccupancy();
        context = new ServerContext(config, handler, workers, rsa, occupancy);
        bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("scion-wire-accept", true),
                NioIoHandler.newFactory());
        // a loop's thread starts with its first connection, so loops beyond the connections cost nothing
        ioGroup = new MultiThreadIoEventLoopGroup(eventLoops(),
                new ThreadPerTaskExecutor(new DefaultThreadFactory("scion-wire-io", true)), occupancy,
                NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(LOW_WATER_MARK, HIGH_WATER_MARK))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.closeFuture().addListener(closed -> occupancy.release(ch.eventLoop()));
                        ch.pipeline().addLast(PACKET_DECODER, new PacketDecoder(config.maxAllowedPacket(), config.sslContext()));
                        ch.pipeline().addLast("frontend", new FrontendChannelHandler(context));
                    }
                });
        ChannelFuture bind = bootstrap.bind(new InetSocketAddress(config.host(), config.port())).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            Throwable cause = bind.cause();
            shutdownThreads();
            closed = true;
            String why = cause instanceof BindException ? "address already in use or not available" : String.valueOf(cause);
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": " + why,
                    cause);
        }
        serverChannel = bind.channel();
        LOG.info("MySQL protocol listening on {}", serverChannel.localAddress());
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("server not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The open connection with this id, or null (tests read its hand-off counts). */
    public dev.scion.wire.connection.MySqlConnection connection(long connectionId) {
        return context == null ? null : context.registry().get(connectionId);
    }

    /** Number of open client connections. */
    public int connectionCount() {
        return context == null ? 0 : context.registry().size();
    }

    /**
     * KILL [QUERY | CONNECTION] id: interrupts the connection's running statement and, unless
     * {@code queryOnly}, closes the connection. Returns false if no such connection.
     */
    public boolean kill(long connectionId, boolean queryOnly) {
        ConnectionRegistry registry = context == null ? null : context.registry();
        MySqlConnection connection = registry == null ? null : registry.get(connectionId);
        if (connection == null) {
            return false;
        }
        connection.kill(queryOnly);
        return true;
    }

    /** Stops accepting, closes every connection (their sessions are closed) and stops the threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        if (context != null) {
            List<MySqlConnection> open = new ArrayList<>(context.registry().all());
            for (MySqlConnection connection : open) {
                connection.closeAfterRunningCommand();
            }
            for (MySqlConnection connection : open) {
                if (!connection.channel().closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS)) {
                    connection.channel().close().awaitUninterruptibly(5, TimeUnit.SECONDS); // a command still stuck
                }
            }
            // sessions are closed by each connection's clean-up task on the worker pool: give them time
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (context.registry().size() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        shutdownThreads();
    }

    private void shutdownThreads() {
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("statements still running after 10 s; interrupting them");
                    // queued connection tasks skip their commands once the connection is closed, but still
                    // release sessions: run them here rather than drop them
                    for (Runnable pending : workers.shutdownNow()) {
                        try {
                            pending.run();
                        } catch (RuntimeException e) {
                            LOG.warn("connection clean-up failed", e);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.shutdownNow();
            }
        }
        // bounded: a stop must never hang on an event loop (its threads are daemons and die with the process)
        for (EventLoopGroup group : new EventLoopGroup[] {bossGroup, ioGroup}) {
            if (group != null && !group.shutdownGracefully(0, 2, TimeUnit.SECONDS)
                    .awaitUninterruptibly(10, TimeUnit.SECONDS)) {
                LOG.warn("event loop group did not terminate within 10 s; leaving its daemon threads behind");
            }
        }
    }
}

package dev.scion.wire.connection;

import dev.scion.wire.api.WireSession;
import dev.scion.wire.codec.InboundPacket;
import dev.scion.wire.command.CommandDispatcher;
import dev.scion.wire.codec.OversizedPacket;
import dev.scion.wire.codec.PacketPayload;
import dev.scion.wire.codec.SequenceId;
import dev.scion.wire.constant.CapabilityFlag;
import dev.scion.wire.constant.ErrorCode;
import dev.scion.wire.constant.StatusFlag;
import dev.scion.wire.packet.generic.ErrPacket;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection. The Netty event loop only hands it packets and channel events; everything else
 * (authentication, commands, session clean-up) runs on a worker thread through the connection's
 * {@link CommandQueue}, one task at a time, so the {@link WireSession} is never used concurrently.
 */
public final class MySqlConnection {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlConnection.class);

    /** Stop reading from a client that has this many commands queued (pipelining) ... */
    private static final int PAUSE_READ_AT = 32;
    /** ... and resume below this many. */
    private static final int RESUME_READ_AT = 8;

    enum Phase { HANDSHAKE, AUTH_SWITCH, FULL_AUTH, COMMAND, CLOSED }

    private final long id;
    private final Channel channel;
    private final ServerContext server;
    private final SequenceId sequenceId = new SequenceId();
    private final PacketWriter writer;
    private final CommandQueue queue;
    private final Authenticator authenticator;
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private final Map<Long, PreparedStatementState> statements = new LinkedHashMap<>();

    /** MySQL's connect_timeout: how long a client may take to authenticate. */
    static final long CONNECT_TIMEOUT_SECONDS = 10;

    private java.util.concurrent.ScheduledFuture<?> idleTimer;
    /** The limit the idle timer was set for; a session that changes its wait_timeout gets a new timer. */
    private long armedTimeoutSeconds;
    /** The file stream of the running LOAD DATA LOCAL statement (worker side). */
    private LocalInfileStream activeInfile;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile Phase phase = Phase.HANDSHAKE;
    /** Set while a LOAD DATA LOCAL INFILE statement receives its file: packets go there, not to the queue. */
    private volatile LocalInfileStream infile;
    private volatile WireSession session;
    private volatile boolean running;
    private volatile boolean closed;

    private int capabilities;
    private volatile boolean secure;
    private boolean multiStatements;
    private long nextStatementId = 1;
    /** Counted on the event loop; read by tests. */
    private volatile long inlineCommands;
    private volatile long queuedTasks;

    MySqlConnection(long id, Channel channel, ServerContext server) {
        this.id = id;
        this.channel = channel;
        this.server = server;
        this.writer = new PacketWriter(channel, sequenceId, server.config().writeTimeoutMillis());
        this.queue = new CommandQueue(server.workers());
        this.authenticator = new Authenticator(this);
    }

    // ------------------------------------------------------------------ event loop side

    void onActive() {
        queue.submit(this::sendHandshake);
        armIdleTimer();
    }

    void onPacket(InboundPacket packet) {
        lastActivityNanos = System.nanoTime();
        LocalInfileStream file = infile;
        if (file != null) {
            if (file.offer(packet)) {
                infile = null; // the empty packet: whatever comes next is a command again
            }
            return;
        }
        boolean inline = runsInline(packet);
        server.commandStarted(); // ended by process()
        if (inline) {
            inlineCommands++;
            process(packet, null);
            return;
        }
        queuedTasks++;
        queue.submit(() -> process(packet, queue.settleRunningTask()));
        if (queue.size() >= PAUSE_READ_AT && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
        }
    }

    /**
     * A brief command (see {@link CommandDispatcher#runsBriefly}) runs right here on the event loop when nothing of
     * this connection is queued or running: the queue is only fed from this thread and a task leaves it only once it
     * has done everything it does (see {@link #process}), so an empty queue means the command keeps its order and has
     * the session to itself. Commands that are brief only while nothing else waits for the loop (a one-row write,
     * which syncs) are asked about only when the connection is alone on its loop or the server runs nothing else.
     */
    private boolean runsInline(InboundPacket packet) {
        return phase == Phase.COMMAND && !closed && queue.size() == 0
                && server.dispatcher().runsBriefly(this, packet.payload(), server.availability(channel));
    }

    /** Commands this connection ran on its event loop, and packets it handed to the worker pool (for tests). */
    public long inlineCommands() {
        return inlineCommands;
    }

    public long queuedTasks() {
        return queuedTasks;
    }

    void onOversizedPacket(OversizedPacket packet) {
        LocalInfileStream file = infile;
        if (file != null) {
            // a LOCAL INFILE chunk beyond max_allowed_packet: the statement waiting for it must give up
            infile = null;
            file.abort();
        }
        queue.submit(() -> {
            if (closed) {
                return;
            }
            try {
                sequenceId.continueAfter(packet.sequenceId());
                writer.write(ErrPacket.of(ErrorCode.ER_NET_PACKET_TOO_LARGE));
            } catch (ConnectionClosedException e) {
                return;
            }
            closeAfterFlush();
        });
    }

    void onWritabilityChanged() {
        writer.wakeUp();
    }

    void onInactive() {
        closed = true;
        writer.wakeUp();
        LocalInfileStream file = infile;
        if (file != null) {
            file.abort();
        }
        WireSession s = session;
        if (running && s != null) {
            try {
                s.cancel();
            } catch (RuntimeException e) {
                LOG.debug("cancel on disconnect failed", e);
            }
        }
        queue.submit(this::cleanUp);
    }

    // ------------------------------------------------------------------ worker side

    private void sendHandshake() {
        if (closed) {
            return;
        }
        try {
            sequenceId.reset();
            authenticator.sendHandshake();
            writer.flush();
        } catch (ConnectionClosedException e) {
            writer.release();
        }
    }

    /**
     * Runs one packet. {@code settle} is null when the event loop runs it inline; on a worker it is the queue's
     * {@link CommandQueue#settleRunningTask}, which runs on the event loop right after the answer is written. The
     * client can send its next command only once it has that answer, and the event loop reads it only after the
     * settle, so the next command finds this one gone from the queue and may run inline: without that, a worker
     * still returning from this method would send it (and, by the same race, often the one after it) to a worker too.
     * Everything this method does to the connection therefore happens before the answer is handed over.
     */
    private void process(InboundPacket packet, Runnable settle) {
        boolean ended = false;
        try {
            if (closed || phase == Phase.CLOSED) {
                return;
            }
            running = true;
            sequenceId.continueAfter(packet.sequenceId());
            PacketPayload payload = new PacketPayload(packet.payload());
            switch (phase) {
                case HANDSHAKE -> authenticator.onHandshakeResponse(payload);
                case AUTH_SWITCH -> authenticator.onAuthSwitchResponse(payload);
                case FULL_AUTH -> authenticator.onFullAuthData(payload);
                case COMMAND -> server.dispatcher().dispatch(this, payload);
                default -> {
                }
            }
            ended = true;
            endCommand(packet); // before the answer leaves, so the client's next command finds the server idle if it is
            if (phase != Phase.CLOSED) {
                if (settle == null) {
                    writer.flush();
                } else {
                    writer.flushThen(settle);
                }
            }
        } catch (ConnectionClosedException e) {
            writer.release();
        } catch (RuntimeException e) {
            LOG.error("connection {}: unexpected failure, closing", id, e);
            writer.release();
            channel.close();
        } finally {
            if (!ended) {
                endCommand(packet);
            }
        }
    }

    /** What follows every packet, answered or not: the server's and the idle timer's books, and the packet's buffer. */
    private void endCommand(InboundPacket packet) {
        server.commandEnded();
        running = false;
        lastActivityNanos = System.nanoTime();
        if (phase == Phase.COMMAND && idleTimeoutSeconds() != armedTimeoutSeconds) {
            armIdleTimer(); // e.g. SET SESSION wait_timeout = n
        }
        packet.payload().release();
        if (!channel.config().isAutoRead() && queue.size() <= RESUME_READ_AT) {
            channel.config().setAutoRead(true);
        }
    }

    // ------------------------------------------------------------------ LOAD DATA LOCAL INFILE

    /**
     * Called by the statement's worker just before it asks the client for a file (0xFB): from now on the
     * client's packets are the file's content, until the empty packet.
     */
    public InputStream startLocalInfile() {
        LocalInfileStream file = new LocalInfileStream(channel, sequenceId);
        infile = file;
        activeInfile = file;
        return file;
    }

    /**
     * After the statement: whatever it did not read of the file is read and dropped, so the next packet is a
     * command again and the answer's sequence id follows the client's last packet.
     */
    public void finishLocalInfile() {
        LocalInfileStream file = activeInfile;
        activeInfile = null;
        if (file == null) {
            return;
        }
        try {
            file.drain();
        } catch (IOException e) {
            file.releaseAll();
            throw new ConnectionClosedException();
        }
    }

    // ------------------------------------------------------------------ idle timeouts

    /**
     * wait_timeout / interactive_timeout (connect_timeout before authentication). One timer per connection, set
     * at accept and again once authenticated, never per command: when it fires, a check is queued behind any
     * running command and measures the idle time from the later of the last packet and the end of the last
     * command; if that is still short of the limit it sets the timer again for the rest. So a long statement is
     * never cut off, and commands cost no timer work.
     */
    private synchronized void armIdleTimer() {
        long seconds = idleTimeoutSeconds();
        armedTimeoutSeconds = seconds;
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
        if (seconds > 0 && !closed) {
            schedule(TimeUnit.SECONDS.toNanos(seconds));
        }
    }

    private synchronized void schedule(long delayNanos) {
        try {
            idleTimer = channel.eventLoop().schedule(() -> queue.submit(this::checkIdle), delayNanos,
                    TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            idleTimer = null; // the event loop is shutting down with the server
        }
    }

    private void checkIdle() {
        if (closed || phase == Phase.CLOSED) {
            return;
        }
        long limit = TimeUnit.SECONDS.toNanos(idleTimeoutSeconds());
        long idle = System.nanoTime() - lastActivityNanos;
        if (limit <= 0) {
            return;
        }
        // the check runs alone when the queue holds nothing else (size counts the running task)
        if (idle < limit || queue.size() > 1) {
            schedule(Math.max(limit - idle, TimeUnit.MILLISECONDS.toNanos(10)));
            return;
        }
        if (phase == Phase.COMMAND) {
            LOG.debug("connection {}: idle for {} s, closing", id, idle / 1_000_000_000L);
            try {
                // MySQL 8.0.24+ tells the client why before closing; it reads this as the answer to its next command
                sequenceId.reset();
                writer.write(ErrPacket.of(ErrorCode.ER_CLIENT_INTERACTION_TIMEOUT));
            } catch (ConnectionClosedException e) {
                return;
            }
            closeAfterFlush();
        } else {
            LOG.debug("connection {}: no authentication within {} s, closing", id, CONNECT_TIMEOUT_SECONDS);
            phase = Phase.CLOSED;
            channel.close();
        }
    }

    /** The idle limit now: connect_timeout before authentication, then the session's or the server's. */
    private long idleTimeoutSeconds() {
        if (phase != Phase.COMMAND) {
            return CONNECT_TIMEOUT_SECONDS;
        }
        boolean interactive = CapabilityFlag.CLIENT_INTERACTIVE.in(capabilities);
        WireSession s = session;
        if (s != null) {
            try {
                long own = s.idleTimeoutSeconds(interactive);
                if (own >= 0) {
                    return own;
                }
            } catch (RuntimeException e) {
                LOG.debug("connection {}: reading the session's idle timeout failed", id, e);
            }
        }
        var config = server.config();
        return interactive ? config.interactiveTimeoutSeconds() : config.waitTimeoutSeconds();
    }

    /**
     * Closes the connection once the command running now (if any) has written its answer: the server's shutdown
     * waits for running statements, and a statement leaves that wait before its OK is written, so closing at once
     * would cut the answer the client was waiting for.
     */
    public void closeAfterRunningCommand() {
        queue.submit(this::closeAfterFlush);
    }

    /** Sends what is written so far, then closes the connection (after an auth failure or fatal error). */
    public void closeAfterFlush() {
        phase = Phase.CLOSED;
        try {
            writer.flush();
        } catch (ConnectionClosedException e) {
            // gone already
        }
        channel.writeAndFlush(channel.alloc().buffer(0)).addListener(f -> channel.close());
    }

    /**
     * Switches to the compressed protocol once the OK that ends authentication is on its way: that OK still goes
     * out plain (clients turn compression on when they read it), everything after it compressed. The OK's write and
     * the codec's insertion are one event-loop task, so the client's first compressed command (which it can only
     * send once it has the OK) always meets the codec.
     */
    void enableCompression() {
        writer.flushThen(() -> {
            if (channel.isActive() && channel.pipeline().get(dev.scion.wire.codec.CompressedPacketCodec.NAME) == null) {
                channel.pipeline().addBefore(dev.scion.wire.WireServer.PACKET_DECODER,
                        dev.scion.wire.codec.CompressedPacketCodec.NAME, new dev.scion.wire.codec.CompressedPacketCodec());
            }
        });
    }

    /** COM_QUIT: release the session now and close the connection. */
    public void quit() {
        phase = Phase.CLOSED;
        cleanUp();
        channel.close();
    }

    /** Releases statements and the session exactly once. Runs on the connection's queue. */
    private void cleanUp() {
        if (!cleanedUp.compareAndSet(false, true)) {
            return;
        }
        phase = Phase.CLOSED;
        synchronized (this) {
            if (idleTimer != null) {
                idleTimer.cancel(false);
            }
        }
        writer.release();
        LocalInfileStream file = infile;
        if (file != null) {
            file.abort();
            file.releaseAll();
        }
        closeStatements();
        closeSession();
        server.registry().remove(this);
    }

    /** Closes the current session (if any); the next one comes from authentication. */
    public void closeSession() {
        WireSession s = session;
        session = null;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("connection {}: closing the session failed", id, e);
            }
        }
    }

    // ------------------------------------------------------------------ state for executors

    public long id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public ServerContext server() {
        return server;
    }

    public PacketWriter writer() {
        return writer;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    /** The client's address as shown in error messages. */
    public String remoteHost() {
        InetSocketAddress remote = remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    public WireSession session() {
        return session;
    }

    void session(WireSession session) {
        this.session = session;
    }

    void phase(Phase phase) {
        Phase before = this.phase;
        this.phase = phase;
        if (phase == Phase.COMMAND && before != Phase.COMMAND) {
            // authenticated: from now on wait_timeout / interactive_timeout instead of connect_timeout
            armIdleTimer();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** True once the client switched the connection to TLS (SSLRequest). */
    public boolean isSecure() {
        return secure;
    }

    void secure(boolean on) {
        this.secure = on;
    }

    /** Negotiated capabilities (client's and server's in common). */
    public int capabilities() {
        return capabilities;
    }

    void capabilities(int capabilities) {
        this.capabilities = capabilities;
        this.multiStatements = CapabilityFlag.CLIENT_MULTI_STATEMENTS.in(capabilities);
    }

    public boolean deprecateEof() {
        return CapabilityFlag.CLIENT_DEPRECATE_EOF.in(capabilities);
    }

    public boolean multiStatements() {
        return multiStatements;
    }

    public void multiStatements(boolean on) {
        this.multiStatements = on;
    }

    /** Status flags for OK/EOF packets from the session's transaction state. */
    public int statusFlags() {
        WireSession s = session;
        if (s == null) {
            return StatusFlag.SERVER_STATUS_AUTOCOMMIT.bit();
        }
        int status = 0;
        if (s.autocommit()) {
            status |= StatusFlag.SERVER_STATUS_AUTOCOMMIT.bit();
        }
        if (s.inTransaction()) {
            status |= StatusFlag.SERVER_STATUS_IN_TRANS.bit();
        }
        return status;
    }

    public PreparedStatementState addStatement(dev.scion.wire.api.WirePreparedStatement handle, int parameterCount,
                                               List<dev.scion.wire.api.WireColumn> columns) {
        long statementId = nextStatementId;
        nextStatementId = (nextStatementId + 1) & 0xFFFFFFFFL;
        if (nextStatementId == 0) {
            nextStatementId = 1;
        }
        PreparedStatementState state = new PreparedStatementState(statementId, handle, parameterCount, columns);
        statements.put(statementId, state);
        return state;
    }

    public PreparedStatementState statement(long statementId) {
        return statements.get(statementId);
    }

    /** Removes and closes one statement; false if there was no such statement. */
    public boolean closeStatement(long statementId) {
        PreparedStatementState state = statements.remove(statementId);
        if (state == null) {
            return false;
        }
        closeQuietly(state);
        return true;
    }

    public void closeStatements() {
        List<PreparedStatementState> all = new ArrayList<>(statements.values());
        statements.clear();
        for (PreparedStatementState state : all) {
            closeQuietly(state);
        }
    }

    private void closeQuietly(PreparedStatementState state) {
        try {
            state.handle().close();
        } catch (RuntimeException e) {
            LOG.debug("connection {}: closing statement {} failed", id, state.id(), e);
        }
    }

    /**
     * KILL support: {@code queryOnly} interrupts the running statement; otherwise the connection is also
     * closed (its session is then released on the worker as after a disconnect).
     */
    public void kill(boolean queryOnly) {
        WireSession s = session;
        if (s != null) {
            try {
                s.cancel();
            } catch (RuntimeException e) {
                LOG.debug("cancel failed", e);
            }
        }
        if (!queryOnly) {
            channel.close();
        }
    }
}

package dev.scion.wire.connection;

import dev.scion.wire.WireConfig;
import dev.scion.wire.api.WireHandler;
import dev.scion.wire.auth.RsaPasswordExchange;
import dev.scion.wire.command.CommandDispatcher;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** What all connections of one server share. */
public final class ServerContext {

    private final WireConfig config;
    private final WireHandler handler;
    private final ConnectionRegistry registry;
    private final ExecutorService workers;
    private final CommandDispatcher dispatcher;
    private final long startNanos = System.nanoTime();
    private final AtomicLong questions = new AtomicLong();
    /**
     * Whether statements brief only on an idle server ({@link dev.scion.wire.api.WireSession#runsBrieflyWhenIdle})
     * run on the event loop: off unless the JVM runs with {@value #IDLE_WRITES_INLINE}=true. Measured under load
     * (docs/performance.md, round 13) a lone client's writes ran slower this way despite a third of the system
     * calls, so it stays an opt-in until an idle-machine round decides.
     */
    public static final String IDLE_WRITES_INLINE = "scion.wire.idleWritesInline";
    private final boolean idleWritesInline = Boolean.getBoolean(IDLE_WRITES_INLINE);
    /**
     * Whether a connection alone on its event loop runs its one-row writes and COMMITs there (see
     * {@link EventLoopOccupancy}): on unless the JVM runs with {@value #ALONE_WRITES_INLINE}=false. It cut a write
     * transaction's CPU by 8-27% at four threads (docs/performance.md, round 29) by saving two thread hand-offs per
     * statement.
     */
    public static final String ALONE_WRITES_INLINE = "scion.wire.aloneWritesInline";
    private final boolean aloneWritesInline =
            Boolean.parseBoolean(System.getProperty(ALONE_WRITES_INLINE, "true"));
    private final EventLoopOccupancy occupancy;
    /** Commands of every connection that are queued or running, on workers or event loops. */
    private final java.util.concurrent.atomic.AtomicInteger commandsInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final dev.scion.wire.auth.FailedLoginDelay failedLogins;
    private RsaPasswordExchange rsa;

    /**
     * @param rsa the RSA key pair of full authentication, or null to generate one on first use
     * @param occupancy the chooser that placed the connections on their event loops
     */
    public ServerContext(WireConfig config, WireHandler handler, ExecutorService workers, RsaPasswordExchange rsa,
                         EventLoopOccupancy occupancy) {
        this.config = config;
        this.occupancy = occupancy;
        this.handler = handler;
        this.workers = workers;
        this.registry = new ConnectionRegistry(config.maxConnections());
        this.dispatcher = new CommandDispatcher();
        this.rsa = rsa;
        this.failedLogins = dev.scion.wire.auth.FailedLoginDelay.standard();
    }

    /** The per-host failed-login counts that slow password guessing. */
    public dev.scion.wire.auth.FailedLoginDelay failedLogins() {
        return failedLogins;
    }

    public WireConfig config() {
        return config;
    }

    public WireHandler handler() {
        return handler;
    }

    public ConnectionRegistry registry() {
        return registry;
    }

    public ExecutorService workers() {
        return workers;
    }

    public CommandDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * The RSA key pair of caching_sha2 full authentication: the configured key file's, or without one generated on
     * first use and kept for this run.
     */
    public synchronized RsaPasswordExchange rsa() {
        if (rsa == null) {
            rsa = RsaPasswordExchange.generate();
        }
        return rsa;
    }

    public long uptimeSeconds() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    /** A command packet was queued or starts running inline; {@link #commandEnded} follows once it ran. */
    void commandStarted() {
        commandsInFlight.incrementAndGet();
    }

    void commandEnded() {
        commandsInFlight.decrementAndGet();
    }

    /**
     * Whether no command of any connection is queued or running (and idle writes may run inline at all): a command
     * an event loop runs now holds up no other statement (see {@link dev.scion.wire.api.WireSession#runsBrieflyWhenIdle}).
     */
    public boolean runsNothing() {
        return idleWritesInline && commandsInFlight.get() == 0;
    }

    /** What a command run on {@code channel}'s event loop now would hold up. */
    public EventLoopAvailability availability(io.netty.channel.Channel channel) {
        if (aloneWritesInline && occupancy.alone(channel.eventLoop())) {
            return EventLoopAvailability.ALONE;
        }
        return runsNothing() ? EventLoopAvailability.SERVER_IDLE : EventLoopAvailability.SHARED;
    }

    /** Statements executed (COM_QUERY and COM_STMT_EXECUTE), for COM_STATISTICS. */
    public AtomicLong questions() {
        return questions;
    }
}

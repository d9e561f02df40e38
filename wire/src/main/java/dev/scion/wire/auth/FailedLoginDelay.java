package dev.scion.wire.auth;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing: after {@code freeFailures} consecutive failed logins from one host, each further
 * failure is answered only after a delay that grows by {@code stepMillis} per failure up to {@code capMillis}
 * (the idea of MySQL's connection_control plugin). A successful login from the host, or
 * {@code forgetAfterMillis} without failures, starts the count again. The answer is still error 1045; only its
 * timing changes, and no thread waits for it (the caller schedules the reply).
 */
public final class FailedLoginDelay {
    /** 3 free failures, then 500 ms more per failure, at most 10 s; forgotten after 15 minutes. */
    public static FailedLoginDelay standard() {
        return new FailedLoginDelay(3, 500, 10_000, 15 * 60_000L, System::currentTimeMillis);
    }

    private record Failures(int count, long lastMillis) {
    }

    /** Beyond this many hosts, forgotten entries are pruned before adding one (a bound on memory). */
    private static final int PRUNE_ABOVE = 10_000;

    private final int freeFailures;
    private final long stepMillis;
    private final long capMillis;
    private final long forgetAfterMillis;
    private final LongSupplier clock;
    private final Map<InetAddress, Failures> hosts = new ConcurrentHashMap<>();

    public FailedLoginDelay(int freeFailures, long stepMillis, long capMillis, long forgetAfterMillis,
                            LongSupplier clock) {
        this.freeFailures = freeFailures;
        this.stepMillis = stepMillis;
        this.capMillis = capMillis;
        this.forgetAfterMillis = forgetAfterMillis;
        this.clock = clock;
    }

    /** Records a failed login from {@code host}; returns how long to wait before answering it (ms). */
    public long recordFailure(InetAddress host) {
        if (host == null) {
            return 0;
        }
        long now = clock.getAsLong();
        if (hosts.size() > PRUNE_ABOVE) {
            hosts.values().removeIf(f -> now - f.lastMillis() > forgetAfterMillis);
        }
        Failures f = hosts.compute(host, (h, old) -> old == null || now - old.lastMillis() > forgetAfterMillis
                ? new Failures(1, now) : new Failures(old.count() + 1, now));
        return delayFor(f.count());
    }

    /** The delay for the {@code n}-th consecutive failure. */
    public long delayFor(int n) {
        if (n <= freeFailures) {
            return 0;
        }
        return Math.min((long) (n - freeFailures) * stepMillis, capMillis);
    }

    public void recordSuccess(InetAddress host) {
        if (host != null) {
            hosts.remove(host);
        }
    }

    /** Consecutive failures counted for {@code host} (0 when none or forgotten). */
    public int failures(InetAddress host) {
        Failures f = hosts.get(host);
        return f == null || clock.getAsLong() - f.lastMillis() > forgetAfterMillis ? 0 : f.count();
    }
}

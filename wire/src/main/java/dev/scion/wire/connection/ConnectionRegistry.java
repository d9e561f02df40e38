package dev.scion.wire.connection;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live connections by id (for max_connections, COM_STATISTICS and, later, KILL). */
public final class ConnectionRegistry {

    private final int maxConnections;
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicInteger count = new AtomicInteger();
    private final ConcurrentHashMap<Long, MySqlConnection> connections = new ConcurrentHashMap<>();

    public ConnectionRegistry(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** Takes a connection slot; false when max_connections are already open. */
    boolean tryReserve() {
        while (true) {
            int n = count.get();
            if (n >= maxConnections) {
                return false;
            }
            if (count.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void releaseReservation() {
        count.decrementAndGet();
    }

    long nextConnectionId() {
        return nextId.getAndIncrement() & 0xFFFFFFFFL;
    }

    void add(MySqlConnection connection) {
        connections.put(connection.id(), connection);
    }

    /** Removes a registered connection and frees its slot (once). */
    void remove(MySqlConnection connection) {
        if (connections.remove(connection.id(), connection)) {
            count.decrementAndGet();
        }
    }

    public MySqlConnection get(long id) {
        return connections.get(id);
    }

    public Collection<MySqlConnection> all() {
        return connections.values();
    }

    public int size() {
        return count.get();
    }
}

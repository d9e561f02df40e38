package dev.scion.versioning.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.gc.ChildSink;
import dev.scion.storage.gc.ChunkKind;
import dev.scion.storage.gc.RootSource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Roots held outside the refs: a transaction's snapshot, a transfer's chunks that are not yet reachable
 * from a ref. Taking a pin reads its value and registers its roots under the same lock that garbage
 * collection holds while it lists refs and pins, so a value read from a ref just before the ref moves on is
 * always covered by either the ref or the pin.
 */
public final class LiveRoots {
    private final Object lock = new Object();
    private final Set<Pin<?>> pins = new LinkedHashSet<>();

    /** One address with its kind. */
    public record Root(Hash address, ChunkKind kind) {
    }

    /** A registered value; its roots stay alive until {@link #close}. */
    public final class Pin<T> implements AutoCloseable {
        private final T value;
        private final BiConsumer<T, ChildSink> rootsOf;

        private Pin(T value, BiConsumer<T, ChildSink> rootsOf) {
            this.value = value;
            this.rootsOf = rootsOf;
        }

        public T value() {
            return value;
        }

        private void report(ChildSink sink) {
            rootsOf.accept(value, sink);
        }

        @Override
        public void close() {
            synchronized (lock) {
                pins.remove(this);
            }
        }
    }

    /**
     * Reads a value and pins the roots {@code rootsOf} reports for it, atomically with respect to a
     * collection's listing. {@code read} must only read (it runs under the lock). {@code rootsOf} must depend on
     * the value alone: it runs when a collection lists the pins (under the same lock), not here, so that a pin
     * taken and closed between two collections (every transaction takes one) lists nothing.
     */
    public <T> Pin<T> pin(Supplier<T> read, BiConsumer<T, ChildSink> rootsOf) {
        synchronized (lock) {
            Pin<T> p = new Pin<>(read.get(), rootsOf);
            pins.add(p);
            return p;
        }
    }

    /** Pins fixed roots (addresses already known to be safe, e.g. just written or checked under a barrier). */
    public Pin<Void> pin(List<Root> roots) {
        List<Root> fixed = List.copyOf(roots);
        return pin(() -> null, (v, sink) -> fixed.forEach(r -> sink.child(r.address(), r.kind())));
    }

    public int size() {
        synchronized (lock) {
            return pins.size();
        }
    }

    /** {@code refs} and every pin, listed under the pin lock. */
    public RootSource with(RootSource refs) {
        return sink -> {
            synchronized (lock) {
                refs.roots(sink);
                for (Pin<?> p : pins) {
                    p.report(sink);
                }
            }
        };
    }
}

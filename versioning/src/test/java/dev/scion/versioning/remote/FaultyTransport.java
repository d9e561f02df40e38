package dev.scion.versioning.remote;

import dev.scion.storage.Hash;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A real transport with one fault injected: the connection drops after some get requests, or one chunk's
 * bytes are flipped on the way (what a broken disk or network would do).
 */
final class FaultyTransport implements RemoteTransport {
    private final RemoteTransport real;
    private final int failAfterGets;
    private final boolean corruptOne;
    int gets;
    private boolean corrupted;
    /** When set, what listRefs answers: a view taken earlier, as a push that lost a race would have. */
    RemoteRefs staleRefs;

    FaultyTransport(RemoteTransport real, int failAfterGets, boolean corruptOne) {
        this.real = real;
        this.failAfterGets = failAfterGets;
        this.corruptOne = corruptOne;
    }

    @Override
    public String url() {
        return real.url();
    }

    @Override
    public RemoteRefs listRefs() {
        return staleRefs != null ? staleRefs : real.listRefs();
    }

    @Override
    public Set<Hash> hasMany(Collection<Hash> addresses) {
        return real.hasMany(addresses);
    }

    @Override
    public void getMany(Collection<Hash> addresses, BiConsumer<Hash, byte[]> sink) {
        if (failAfterGets >= 0 && gets >= failAfterGets) {
            throw new RemoteAccessException("connection reset (injected)");
        }
        gets++;
        real.getMany(addresses, (h, chunk) -> {
            if (corruptOne && !corrupted && gets > 2) {
                corrupted = true;
                byte[] bad = chunk.clone();
                bad[bad.length / 2] ^= 1;
                sink.accept(h, bad);
            } else {
                sink.accept(h, chunk);
            }
        });
    }

    @Override
    public void putMany(Map<Hash, byte[]> chunks) {
        real.putMany(chunks);
    }

    @Override
    public void updateRef(String name, Hash expected, Hash next) {
        real.updateRef(name, expected, next);
    }
}

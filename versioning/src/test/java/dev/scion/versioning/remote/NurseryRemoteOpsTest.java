package dev.scion.versioning.remote;

import dev.scion.storage.chunk.StoreOptions;

/**
 * Every remote operation of {@link RemoteOpsTest} with the chunk nursery on: clones, fetches and pushes read the
 * chunks that commits just made, still young (not in RocksDB), as present, and a transfer's chunks stored before
 * the ref that names them go straight to RocksDB.
 */
class NurseryRemoteOpsTest extends RemoteOpsTest {
    @Override
    StoreOptions options() {
        return OPTS.withNursery(true);
    }
}

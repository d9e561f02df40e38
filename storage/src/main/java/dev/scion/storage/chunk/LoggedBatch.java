package dev.scion.storage.chunk;

import dev.scion.storage.log.RecordBuffer;
import java.io.DataInputStream;
import java.io.IOException;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Changes to a store, held twice: as RocksDB write batches to apply, and encoded as the payload of one
 * redo-log record that replays them after a crash. Chunks and refs are kept apart so that a change too large
 * for one log record can write its chunks straight to the database and log only its refs (see {@link StoreLog}).
 *
 * <p>Payload encoding: a sequence of operations, each a type byte ({@link #CHUNK}, {@link #REF},
 * {@link #REF_DELETE}), a 4-byte key length and the key, then for the two puts a 4-byte value length and the
 * value. Chunks come before refs; replay order does not matter within a record, since a record's chunks are
 * content-addressed and a ref appears at most once per record. The chunks are written straight into the record
 * that goes to the log (a commit's few kilobytes are not copied again on their way there).
 */
final class LoggedBatch implements AutoCloseable {
  static final byte CHUNK = 1;
  static final byte REF = 2;
  static final byte REF_DELETE = 3;

  /** Where a replayed record's operations go. */
  interface Target {
    void putChunk(byte[] address, byte[] chunk) throws RocksDBException;

    void putRef(byte[] name, byte[] value) throws RocksDBException;

    void deleteRef(byte[] name) throws RocksDBException;
  }

  private final RocksHandles rocks;
  final WriteBatch chunks = new WriteBatch();
  final WriteBatch refs = new WriteBatch();
  /** Operation bytes around each chunk: type, key length, 20-byte address, value length. */
  static final int CHUNK_OVERHEAD = 1 + 4 + 20 + 4;

  /** Room for a group's ref operations (a working set or branch ref each, some 60-100 bytes). */
  private static final int REF_ROOM = 512;

  private final RecordBuffer chunkOps;
  private final RecordBuffer refOps = new RecordBuffer(REF_ROOM);
  /** Chunks logged for the {@link Nursery} instead of the write batch: addresses and bytes, in order. */
  private final java.util.List<dev.scion.storage.Hash> youngAddresses = new java.util.ArrayList<>();
  private final java.util.List<byte[]> youngChunks = new java.util.ArrayList<>();
  private boolean rocksChunks;

  /**
   * {@code chunkPayloadBytes}: the chunks' operation bytes the caller expects, so that the record, refs appended
   * (see {@link #record}), is sized once.
   */
  LoggedBatch(RocksHandles rocks, int chunkPayloadBytes) {
    this.rocks = rocks;
    this.chunkOps = new RecordBuffer(chunkPayloadBytes + REF_ROOM);
  }

  /** The handles this batch writes to (a store that reopened RocksDB needs a new batch). */
  RocksHandles rocks() {
    return rocks;
  }

  /** Empties the batch for the next group, keeping its buffers; {@code chunkPayloadBytes} as in the constructor. */
  void reset(int chunkPayloadBytes) {
    chunks.clear();
    refs.clear();
    chunkOps.reset(chunkPayloadBytes + REF_ROOM);
    refOps.reset(REF_ROOM);
    youngAddresses.clear();
    youngChunks.clear();
    rocksChunks = false;
  }

  void putChunk(byte[] address, byte[] chunk) throws RocksDBException {
    chunks.put(rocks.chunks, address, chunk);
    rocksChunks = true;
    op(chunkOps, CHUNK, address, chunk);
  }

  /** Logs a chunk that goes to the nursery once the record is written, not to RocksDB's memtables. */
  void putYoungChunk(dev.scion.storage.Hash address, byte[] chunk) {
    youngAddresses.add(address);
    youngChunks.add(chunk);
    op(chunkOps, CHUNK, address.bytes(), chunk);
  }

  /** Whether the write batch holds chunks (for RocksDB's memtables). */
  boolean hasRocksChunks() {
    return rocksChunks;
  }

  boolean hasYoungChunks() {
    return !youngAddresses.isEmpty();
  }

  /** Puts the young chunks into {@code nursery} (after the record that holds them was appended). */
  void putYoungChunks(Nursery nursery) {
    for (int i = 0; i < youngAddresses.size(); i++) {
      nursery.put(youngAddresses.get(i), youngChunks.get(i));
    }
  }

  /** Moves the young chunks into the write batch (a change too large for one record goes to RocksDB whole). */
  void youngChunksToRocks() throws RocksDBException {
    for (int i = 0; i < youngAddresses.size(); i++) {
      chunks.put(rocks.chunks, youngAddresses.get(i).bytes(), youngChunks.get(i));
      rocksChunks = true;
    }
    youngAddresses.clear();
    youngChunks.clear();
  }

  void putRef(byte[] name, byte[] value) throws RocksDBException {
    refs.put(rocks.refs, name, value);
    op(refOps, REF, name, value);
  }

  void deleteRef(byte[] name) throws RocksDBException {
    refs.delete(rocks.refs, name);
    op(refOps, REF_DELETE, name, null);
  }

  boolean hasChunks() {
    return chunkOps.payloadLength() > 0;
  }

  boolean hasRefs() {
    return refOps.payloadLength() > 0;
  }

  /** Size of the payload holding both chunks and refs. */
  int payloadBytes() {
    return chunkOps.payloadLength() + refOps.payloadLength();
  }

  /** The record for everything in this batch: the chunks' record with the refs appended (call once). */
  RecordBuffer record() {
    chunkOps.putPayload(refOps);
    return chunkOps;
  }

  /** The record for the refs alone. */
  RecordBuffer refRecord() {
    return refOps;
  }

  private static void op(RecordBuffer out, byte type, byte[] key, byte[] value) {
    out.put(type);
    out.putInt(key.length);
    out.put(key);
    if (value != null) {
      out.putInt(value.length);
      out.put(value);
    }
  }

  /** Passes the operations of a record payload to {@code target}; a payload that does not parse is corrupt. */
  static void replay(byte[] payload, Target target) throws RocksDBException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
    try {
      while (in.available() > 0) {
        byte type = in.readByte();
        byte[] key = in.readNBytes(in.readInt());
        switch (type) {
          case CHUNK -> target.putChunk(key, in.readNBytes(in.readInt()));
          case REF -> target.putRef(key, in.readNBytes(in.readInt()));
          case REF_DELETE -> target.deleteRef(key);
          default -> throw new StorageException("redo log record with unknown operation " + type);
        }
      }
    } catch (IOException e) {
      throw new StorageException("redo log record ends inside an operation", e);
    }
  }

  @Override
  public void close() {
    refs.close();
    chunks.close();
  }
}

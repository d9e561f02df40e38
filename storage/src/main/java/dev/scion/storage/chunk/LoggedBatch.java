package dev.scion.storage.chunk;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Changes to a store, held twice: as RocksDB write batches to apply, and encoded as the payload of one
 * redo-log record that replays them after a crash. Chunks and refs are kept apart so that a change too large
 * for one log record can write its chunks straight to the database and log only its refs (see {@link StoreLog}).
 *
 * <p>Payload encoding: a sequence of operations, each a type byte ({@link #CHUNK}, {@link #REF},
 * {@link #REF_DELETE}), a 4-byte key length and the key, then for the two puts a 4-byte value length and the
 * value. Refs come before chunks; replay order does not matter within a record, since a record's chunks are
 * content-addressed and a ref appears at most once per record.
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
  private final ByteArrayOutputStream chunkBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream refBytes = new ByteArrayOutputStream();
  private final DataOutputStream chunkOps = new DataOutputStream(chunkBytes);
  private final DataOutputStream refOps = new DataOutputStream(refBytes);

  LoggedBatch(RocksHandles rocks) {
    this.rocks = rocks;
  }

  void putChunk(byte[] address, byte[] chunk) throws RocksDBException {
    chunks.put(rocks.chunks, address, chunk);
    op(chunkOps, CHUNK, address, chunk);
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
    return chunkBytes.size() > 0;
  }

  boolean hasRefs() {
    return refBytes.size() > 0;
  }

  /** Size of the payload holding both chunks and refs. */
  int payloadBytes() {
    return chunkBytes.size() + refBytes.size();
  }

  /** The record payload for everything in this batch. */
  byte[] payload() {
    byte[] out = new byte[payloadBytes()];
    byte[] r = refBytes.toByteArray();
    System.arraycopy(r, 0, out, 0, r.length);
    byte[] c = chunkBytes.toByteArray();
    System.arraycopy(c, 0, out, r.length, c.length);
    return out;
  }

  /** The record payload for the refs alone. */
  byte[] refPayload() {
    return refBytes.toByteArray();
  }

  private static void op(DataOutputStream out, byte type, byte[] key, byte[] value) {
    try {
      out.writeByte(type);
      out.writeInt(key.length);
      out.write(key);
      if (value != null) {
        out.writeInt(value.length);
        out.write(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array stream does not fail
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

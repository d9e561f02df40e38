package dev.scion.storage.tuple;

import dev.scion.storage.blob.BlobRef;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.ChunkStore;
import java.util.Arrays;
import java.util.List;

/**
 * The field types of a tuple, and the two encodings of such tuples: an order-preserving key encoding
 * (compare encodings with {@link KeyBytes#compare} to compare tuples field by field, NULL first) and a
 * compact value encoding that can decode one field alone. See {@link FieldType} for the Java values.
 *
 * <p>Immutable and thread-safe.
 */
public final class TupleDescriptor {
  private final FieldType[] types;
  /** Per field: the collation sort key used in keys, or null for the type's own order. */
  private final SortKeyFunction[] sortKeys;

  public TupleDescriptor(FieldType... types) {
    this(types, new SortKeyFunction[types.length]);
  }

  private TupleDescriptor(FieldType[] types, SortKeyFunction[] sortKeys) {
    if (types.length > ValueCodec.MAX_FIELDS) {
      throw new IllegalArgumentException("too many fields: " + types.length);
    }
    for (FieldType t : types) {
      if (t == null) {
        throw new IllegalArgumentException("null field type");
      }
    }
    this.types = types.clone();
    this.sortKeys = sortKeys.clone();
  }

  /**
   * A descriptor whose key encoding orders STRING field {@code field} by {@code sortKey} (a collation)
   * instead of by UTF-8 bytes. Such a key field encodes the sort key, not the string: strings equal under
   * the collation give equal keys, and {@link #decodeKey} returns that field as the sort key's byte[] (the
   * original text lives in the row's value). Value encoding is unaffected.
   */
  public TupleDescriptor withSortKey(int field, SortKeyFunction sortKey) {
    if (types[field] != FieldType.STRING) {
      throw new IllegalArgumentException("field " + field + " is " + types[field] + ", only STRING fields take a sort key");
    }
    SortKeyFunction[] next = sortKeys.clone();
    next[field] = java.util.Objects.requireNonNull(sortKey, "sortKey");
    return new TupleDescriptor(types, next);
  }

  /** The sort key function of field {@code index}, or null if it orders by its type. */
  public SortKeyFunction sortKey(int index) {
    return sortKeys[index];
  }

  public int size() {
    return types.length;
  }

  public FieldType type(int index) {
    return types[index];
  }

  public List<FieldType> types() {
    return List.of(types);
  }

  /**
   * The order-preserving encoding of {@code values}. Fewer values than fields encode a key prefix: every
   * full key whose first fields equal them starts with exactly these bytes (useful with
   * {@code KeyRange.prefix}).
   */
  public byte[] encodeKey(Object[] values) {
    if (values.length > types.length) {
      throw new IllegalArgumentException(
          "key has " + values.length + " values for " + types.length + " fields");
    }
    ByteSink out = new ByteSink(16 * values.length + 8);
    for (int i = 0; i < values.length; i++) {
      if (sortKeys[i] != null && values[i] != null) {
        KeyCodec.putSortKey(out, sortKeys[i].sortKey(FieldValues.string(i, types[i], values[i])));
      } else {
        KeyCodec.put(out, i, types[i], values[i]);
      }
    }
    return out.toArray();
  }

  /** Decodes a full key produced by {@link #encodeKey}. */
  public Object[] decodeKey(byte[] encoded) {
    KeyCodec.KeyReader in = new KeyCodec.KeyReader(encoded);
    Object[] out = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      out[i] = sortKeys[i] != null ? KeyCodec.getSortKey(in) : KeyCodec.get(in, types[i]);
    }
    if (!in.atEnd()) {
      throw in.corrupt("trailing bytes after " + types.length + " fields");
    }
    return out;
  }

  /** The compact value encoding; trailing NULLs are trimmed so each tuple has one encoding. */
  public byte[] encodeValue(Object[] values) {
    return ValueCodec.encode(types, values);
  }

  /**
   * The compact value encoding, with STRING, JSON and BYTES fields longer than
   * {@link OutOfLineValues#THRESHOLD_BYTES} written as blob trees into {@code blobs} (normally the same
   * transaction buffer that receives the row's tree nodes) and referenced from the tuple.
   */
  public byte[] encodeValue(Object[] values, ChunkStore blobs) {
    return ValueCodec.encode(types, values, java.util.Objects.requireNonNull(blobs, "blobs"));
  }

  /** Decodes a value whose out-of-line fields are read from {@code blobs}. */
  public Object[] decodeValue(byte[] encoded, ChunkReader blobs) {
    return ValueCodec.decode(types, encoded, blobs);
  }

  /** Decodes field {@code index}, reading it from {@code blobs} if it is out of line. */
  public Object decodeValueField(byte[] encoded, int index, ChunkReader blobs) {
    return ValueCodec.decodeField(types, encoded, index, blobs);
  }

  /**
   * The blob holding field {@code index} if that field is stored out of line, else null: lets a reader
   * stream a large value ({@code BlobTree.read}) or compare two versions by root without reading either.
   */
  public BlobRef outOfLineRef(byte[] encoded, int index) {
    return ValueCodec.outOfLineRef(types, encoded, index);
  }

  /** Decodes a value; fields past the encoded ones are NULL. Out-of-line fields need {@link #decodeValue(byte[], ChunkReader)}. */
  public Object[] decodeValue(byte[] encoded) {
    return ValueCodec.decode(types, encoded);
  }

  /**
   * Decodes the fields marked in {@code wanted} (indexed like the descriptor's fields) and leaves the others null,
   * without reading their bytes. Out-of-line fields need {@link #decodeValue(byte[], ChunkReader)}.
   */
  public Object[] decodeWantedFields(byte[] encoded, boolean[] wanted) {
    return ValueCodec.decodeWanted(types, encoded, 0, encoded.length, wanted);
  }

  /** {@link #decodeWantedFields(byte[], boolean[])} of the value held in {@code b[off, off + len)}. */
  public Object[] decodeWantedFields(byte[] b, int off, int len, boolean[] wanted) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    return ValueCodec.decodeWanted(types, b, off, len, wanted);
  }

  /** Decodes field {@code index} of an encoded value without decoding the others. */
  public Object decodeValueField(byte[] encoded, int index) {
    return ValueCodec.decodeField(types, encoded, index);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TupleDescriptor d && Arrays.equals(types, d.types) && Arrays.equals(sortKeys, d.sortKeys);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(types);
  }

  @Override
  public String toString() {
    return "TupleDescriptor" + Arrays.toString(types);
  }
}

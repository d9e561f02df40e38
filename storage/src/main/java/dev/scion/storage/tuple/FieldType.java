package dev.scion.storage.tuple;

/**
 * The storage types of tuple fields and the Java values that carry them.
 *
 * <ul>
 *   <li>INT64: Long (Integer, Short, Byte and in-range BigInteger accepted).
 *   <li>UINT64: the unsigned bits in a Long, or a BigInteger in [0, 2^64). Decodes to Long when the value is
 *       below 2^63, otherwise to BigInteger. ENUM and SET indexes use this type.
 *   <li>DECIMAL: BigDecimal, exact. Keys normalise the scale (1.50 and 1.5 encode identically and decode as
 *       1.5); values keep the scale.
 *   <li>FLOAT32: Float; FLOAT64: Double. In keys -0.0 equals 0.0 and NaN is rejected.
 *   <li>STRING: String as UTF-8; key order is UTF-8 byte order (= code point order, binary collation).
 *   <li>BYTES: byte[].
 *   <li>DATE: LocalDate. TIME: Duration (MySQL TIME, may be negative, whole microseconds).
 *   <li>DATETIME: LocalDateTime, whole microseconds (TIMESTAMP is stored as DATETIME in UTC).
 *   <li>DATE and DATETIME also hold MySQL's zero date, {@link ZeroDate} (either constant is accepted by both).
 *   <li>YEAR: Integer (any Number accepted). BIT: Long holding up to 64 bits, ordered unsigned.
 *   <li>JSON: String holding the JSON text; round-trips but its key order is just that of the text.
 * </ul>
 */
public enum FieldType {
  INT64, UINT64, DECIMAL, FLOAT32, FLOAT64, STRING, BYTES, DATE, TIME, DATETIME, YEAR, BIT, JSON
}

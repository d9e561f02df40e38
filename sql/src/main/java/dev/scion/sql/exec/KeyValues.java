package dev.scion.sql.exec;

import dev.scion.sql.catalog.Collations;
import dev.scion.sql.expr.MySqlTime;
import dev.scion.storage.tuple.FieldType;
import dev.scion.versioning.schema.ColumnType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Which key columns may be searched and read in order by value, and the stored key value equal to a value compared
 * with such a column. A key column qualifies when its tuple encoding orders exactly as SQL compares its values
 * (docs/storage-format.md): integers, DECIMAL, FLOAT, DOUBLE, DATE, TIME, DATETIME, TIMESTAMP, YEAR, and text whose
 * collation compares bytes. Binary strings (compared through a cast to text), ENUM and SET (compared by text) and
 * collated text are not (a collated primary key's text is, through its sort key: see KeyAccess#sortKeyed).
 */
public final class KeyValues {
    private KeyValues() {
    }

    /** Whether keys of a column of {@code type} order as its values compare. */
    public static boolean ordersAsCompared(ColumnType type) {
        if (type.kind().isInteger()) {
            return true;
        }
        return switch (type.kind()) {
            case DECIMAL, FLOAT, DOUBLE, DATE, TIME, DATETIME, TIMESTAMP, YEAR -> true;
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> Collations.isBinaryOrder(type.collation());
            default -> false;
        };
    }

    /**
     * The value a column of {@code type} (one that {@link #ordersAsCompared orders as compared}) stores when it
     * equals {@code v} the way MySQL compares them, so that its encoding bounds or finds exactly the rows the
     * comparison keeps; null when no stored value equals {@code v} (NULL, 7.5 against an integer, a time of day
     * against a DATE) or {@code v} is compared some other way (a number against text compares as numbers).
     */
    public static Object exact(ColumnType type, Object v) {
        if (v == null) {
            return null;
        }
        if (type.kind().isInteger()) {
            Object k = IndexKeys.integerKey(v, type.fieldType() == FieldType.UINT64);
            return k == IndexKeys.NO_MATCH ? null : k;
        }
        return switch (type.kind()) {
            case DECIMAL -> decimal(v);
            case DOUBLE -> v instanceof Number n && !(v instanceof Double d && d.isNaN()) && !isZero(n)
                    ? n.doubleValue() : null;
            case FLOAT -> v instanceof Number n && !isZero(n) ? exactFloat(n) : null;
            case TIME -> time(v);
            case YEAR -> {
                Object k = IndexKeys.integerKey(v, false);
                yield k instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) l.intValue()
                        : null;
            }
            case DATE -> v instanceof dev.scion.storage.tuple.ZeroDate ? dev.scion.storage.tuple.ZeroDate.DATE
                    : v instanceof LocalDate ? v
                    : v instanceof LocalDateTime t && t.toLocalTime().toNanoOfDay() == 0 ? t.toLocalDate() : null;
            case DATETIME, TIMESTAMP -> v instanceof dev.scion.storage.tuple.ZeroDate
                    ? dev.scion.storage.tuple.ZeroDate.DATETIME : v instanceof LocalDate d ? d.atStartOfDay()
                    : v instanceof LocalDateTime t && t.getNano() % 1000 == 0 ? t : null;
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> v instanceof String ? v : null;
            default -> null;
        };
    }

    /**
     * The stored TIME equal to {@code v}: a TIME value or text compares as a TIME (MySqlTime); a number compares
     * as the TIME's hhmmss number, which several numbers may equal (100 and 100.0), so none.
     */
    private static Duration time(Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return null;
        }
        Duration d = MySqlTime.of(v);
        return d != null && d.getNano() % 1000 == 0 ? d : null;
    }

    /**
     * Zero has two keys (0.0 and -0.0 encode apart) but one SQL value, so it bounds nothing: the filter decides.
     */
    private static boolean isZero(Number n) {
        return n.doubleValue() == 0.0;
    }

    /**
     * The FLOAT equal to {@code n}, or null when no float is (1.1 as a double): a stored float compares with a
     * double by its exact value, so only an exactly representable bound keys the same rows the comparison keeps.
     */
    private static Float exactFloat(Number n) {
        double d = n.doubleValue();
        float f = (float) d;
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return null;
        }
        if (n instanceof Double || n instanceof Float) {
            return f == d ? f : null;
        }
        BigDecimal exact = n instanceof BigDecimal b ? b : n instanceof BigInteger i ? new BigDecimal(i)
                : BigDecimal.valueOf(n.longValue());
        return new BigDecimal(f).compareTo(exact) == 0 ? f : null;
    }

    /** An exact number as a DECIMAL key (1.50 and 1.5 encode alike); a double compares as a double, so none. */
    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        return null;
    }
}

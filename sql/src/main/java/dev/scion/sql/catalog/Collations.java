package dev.scion.sql.catalog;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.Comparator;
import java.util.Locale;

/**
 * Resolves the character sets and collations DDL and {@code expr COLLATE name} name, and compares text by them.
 *
 * <p>Scion stores text as UTF-8 whatever the character set, so a collation only decides how two strings compare.
 * Four behaviours cover the collations of {@link Charsets#COLLATIONS}: binary by code point without padding
 * ({@code utf8mb4_0900_bin}, Dolt's default, and {@code binary}); binary with trailing spaces ignored (the other
 * {@code _bin} ones, PAD SPACE); case-insensitive with trailing spaces ignored (the {@code _ci} PAD SPACE ones,
 * whose folding also drops accents, as {@code utf8mb4_general_ci} and {@code utf8mb4_unicode_ci} do); and
 * case- and accent-insensitive with spaces significant ({@code utf8mb4_0900_ai_ci}, NO PAD). The {@code _cs}
 * ones compare as binary. Weights are simplified: letters fold to upper case after removing combining marks,
 * which is what MySQL's general_ci does for Latin text; expansions such as 'ß' = 'ss' of the UCA collations are
 * not done.
 */
public final class Collations {
    private Collations() {
    }

    /** The collation {@code name} (any case, {@code utf8_} for {@code utf8mb3_}); 1273 when there is none. */
    public static Charsets.Collation require(String name) {
        String n = normalise(name);
        for (Charsets.Collation c : Charsets.COLLATIONS) {
            if (c.name().equals(n)) {
                return c;
            }
        }
        throw new SqlError(ErrorCode.UNKNOWN_COLLATION, "Unknown collation: '" + name + "'");
    }

    /** The character set {@code name} (any case, {@code utf8} for {@code utf8mb3}); 1115 when there is none. */
    public static Charsets.Charset requireCharset(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("utf8")) {
            n = "utf8mb3";
        }
        for (Charsets.Charset c : Charsets.CHARSETS) {
            if (c.name().equals(n)) {
                return c;
            }
        }
        throw new SqlError(ErrorCode.UNKNOWN_CHARACTER_SET, "Unknown character set: '" + name + "'");
    }

    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("utf8_") ? "utf8mb3_" + n.substring(5) : n;
    }

    /**
     * The collation a definition with {@code CHARACTER SET charset COLLATE collation} (either may be null) gets:
     * the named collation, which must belong to the named character set (1253); the character set's default
     * (for utf8mb4 Dolt's {@code utf8mb4_0900_bin}, not MySQL's {@code utf8mb4_0900_ai_ci}); or, with neither,
     * {@code inherited}.
     */
    public static String resolve(String charset, String collation, String inherited) {
        Charsets.Charset cs = charset == null ? null : requireCharset(charset);
        if (collation != null) {
            Charsets.Collation c = require(collation);
            if (cs != null && !c.charset().equals(cs.name())) {
                throw new SqlError(ErrorCode.COLLATION_CHARSET_MISMATCH, "COLLATION '" + c.name()
                        + "' is not valid for CHARACTER SET '" + cs.name() + "'");
            }
            return c.name();
        }
        if (cs != null) {
            return defaultOf(cs.name());
        }
        return inherited == null ? Charsets.DEFAULT_COLLATION : inherited;
    }

    /** The collation a character set gets when none is named (Dolt's: utf8mb4 is {@code utf8mb4_0900_bin}). */
    public static String defaultOf(String charset) {
        return charset.equals(Charsets.DEFAULT_CHARSET) ? Charsets.DEFAULT_COLLATION
                : requireCharset(charset).defaultCollation();
    }

    /** The character set of a collation name (null: the default). */
    public static String charsetOf(String collation) {
        return collation == null ? Charsets.DEFAULT_CHARSET : require(collation).charset();
    }

    /** How a collation is kept in the schema: null for the default {@code utf8mb4_0900_bin}. */
    public static String stored(String collation) {
        return collation == null || collation.equals(Charsets.DEFAULT_COLLATION) ? null : collation;
    }

    /** The collation a stored value names (null is the default). */
    public static String effective(String stored) {
        return stored == null ? Charsets.DEFAULT_COLLATION : stored;
    }

    /**
     * True when strings compare under {@code collation} exactly as their code points do, with no folding and no
     * padding, so byte-ordered index keys give the collation's order and equality (the default collation).
     */
    public static boolean isBinaryOrder(String collation) {
        String n = effective(collation);
        return n.equals(Charsets.DEFAULT_COLLATION) || n.equals("binary") || n.endsWith("_cs");
    }

    /** Case-insensitive (and accent-insensitive) collations: the {@code _ci} ones. */
    public static boolean isCaseInsensitive(String collation) {
        return collation != null && collation.endsWith("_ci");
    }

    /** PAD SPACE collations ignore trailing spaces when comparing. */
    public static boolean padsSpace(String collation) {
        return collation != null && !isBinaryOrder(collation) && "PAD SPACE".equals(require(collation).padAttribute());
    }

    /**
     * The key two strings compare equal under {@code collation} exactly when their keys are equal, and order as
     * their keys do by code point.
     */
    public static String sortKey(String collation, String s) {
        // one definition with the index keys (versioning's CollationKeys), so a unique index and = agree
        return dev.scion.versioning.schema.CollationKeys.sortText(collation, s);
    }

    /** Compares two strings under {@code collation}, by code point. */
    public static int compare(String collation, String a, String b) {
        if (isBinaryOrder(collation)) {
            return compareCodePoints(a, b);
        }
        return compareCodePoints(sortKey(collation, a), sortKey(collation, b));
    }

    /** A comparator of strings under {@code collation}. */
    public static Comparator<String> comparator(String collation) {
        String c = collation;
        return (a, b) -> compare(c, a, b);
    }

    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}

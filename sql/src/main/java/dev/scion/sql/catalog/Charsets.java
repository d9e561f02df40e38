package dev.scion.sql.catalog;

import java.util.List;

/**
 * The character sets and collations Scion reports (SHOW CHARACTER SET / COLLATION, information_schema). Text is
 * stored as UTF-8 and compared by code point, so every table reports utf8mb4 with utf8mb4_0900_bin; the others
 * are listed because clients and dump files name them. Ids are MySQL's.
 */
public final class Charsets {
    public static final String DEFAULT_CHARSET = "utf8mb4";
    public static final String DEFAULT_COLLATION = "utf8mb4_0900_bin";

    public record Charset(String name, String defaultCollation, String description, long maxLength) {
    }

    public record Collation(String name, String charset, long id, boolean isDefault, String padAttribute) {
    }

    public static final List<Charset> CHARSETS = List.of(
            new Charset("ascii", "ascii_general_ci", "US ASCII", 1),
            new Charset("binary", "binary", "Binary pseudo charset", 1),
            new Charset("latin1", "latin1_swedish_ci", "cp1252 West European", 1),
            new Charset("utf8mb3", "utf8mb3_general_ci", "UTF-8 Unicode", 3),
            new Charset("utf8mb4", "utf8mb4_0900_ai_ci", "UTF-8 Unicode", 4));

    public static final List<Collation> COLLATIONS = List.of(
            new Collation("ascii_bin", "ascii", 65, false, "PAD SPACE"),
            new Collation("ascii_general_ci", "ascii", 11, true, "PAD SPACE"),
            new Collation("binary", "binary", 63, true, "NO PAD"),
            new Collation("latin1_bin", "latin1", 47, false, "PAD SPACE"),
            new Collation("latin1_general_ci", "latin1", 48, false, "PAD SPACE"),
            new Collation("latin1_general_cs", "latin1", 49, false, "PAD SPACE"),
            new Collation("latin1_swedish_ci", "latin1", 8, true, "PAD SPACE"),
            new Collation("utf8mb3_bin", "utf8mb3", 83, false, "PAD SPACE"),
            new Collation("utf8mb3_general_ci", "utf8mb3", 33, true, "PAD SPACE"),
            new Collation("utf8mb3_unicode_ci", "utf8mb3", 192, false, "PAD SPACE"),
            new Collation("utf8mb4_0900_ai_ci", "utf8mb4", 255, true, "NO PAD"),
            new Collation("utf8mb4_0900_as_cs", "utf8mb4", 278, false, "NO PAD"),
            new Collation("utf8mb4_0900_bin", "utf8mb4", 309, false, "NO PAD"),
            new Collation("utf8mb4_bin", "utf8mb4", 46, false, "PAD SPACE"),
            new Collation("utf8mb4_general_ci", "utf8mb4", 45, false, "PAD SPACE"),
            new Collation("utf8mb4_unicode_520_ci", "utf8mb4", 246, false, "PAD SPACE"),
            new Collation("utf8mb4_unicode_ci", "utf8mb4", 224, false, "PAD SPACE"));

    private Charsets() {
    }
}

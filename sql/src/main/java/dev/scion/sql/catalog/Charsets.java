package dev.scion.sql.catalog;

import java.util.List;

/**
 * The character sets and collations Scion reports (SHOW CHARACTER SET / COLLATION, information_schema). Text is
 * stored as UTF-8 whatever the character set; a character set decides how text is encoded where its bytes show
 * (LENGTH, HEX, BINARY: see {@link CharsetEncoding}) and which characters it can hold. Ids are MySQL's.
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
            new Charset("ucs2", "ucs2_general_ci", "UCS-2 Unicode", 2),
            new Charset("utf16", "utf16_general_ci", "UTF-16 Unicode", 4),
            new Charset("utf16le", "utf16le_general_ci", "UTF-16LE Unicode", 4),
            new Charset("utf32", "utf32_general_ci", "UTF-32 Unicode", 4),
            new Charset("utf8mb3", "utf8mb3_general_ci", "UTF-8 Unicode", 3),
            new Charset("utf8mb4", "utf8mb4_0900_ai_ci", "UTF-8 Unicode", 4));

    public static final List<Collation> COLLATIONS = List.of(
            new Collation("ascii_bin", "ascii", 65, false, "PAD SPACE"),
            new Collation("ascii_general_ci", "ascii", 11, true, "PAD SPACE"),
            new Collation("binary", "binary", 63, true, "NO PAD"),
            new Collation("latin1_bin", "latin1", 47, false, "PAD SPACE"),
            // German DIN-1 order: umlauts sort as their base letters, which the accent folding of _ci does
            new Collation("latin1_german1_ci", "latin1", 5, false, "PAD SPACE"),
            new Collation("latin1_general_ci", "latin1", 48, false, "PAD SPACE"),
            new Collation("latin1_general_cs", "latin1", 49, false, "PAD SPACE"),
            new Collation("latin1_swedish_ci", "latin1", 8, true, "PAD SPACE"),
            new Collation("ucs2_bin", "ucs2", 90, false, "PAD SPACE"),
            new Collation("ucs2_general_ci", "ucs2", 35, true, "PAD SPACE"),
            new Collation("ucs2_unicode_ci", "ucs2", 128, false, "PAD SPACE"),
            new Collation("utf16_bin", "utf16", 55, false, "PAD SPACE"),
            new Collation("utf16_general_ci", "utf16", 54, true, "PAD SPACE"),
            new Collation("utf16_unicode_ci", "utf16", 101, false, "PAD SPACE"),
            new Collation("utf16le_bin", "utf16le", 62, false, "PAD SPACE"),
            new Collation("utf16le_general_ci", "utf16le", 56, true, "PAD SPACE"),
            new Collation("utf32_bin", "utf32", 61, false, "PAD SPACE"),
            new Collation("utf32_general_ci", "utf32", 60, true, "PAD SPACE"),
            new Collation("utf32_unicode_ci", "utf32", 160, false, "PAD SPACE"),
            new Collation("utf8mb3_bin", "utf8mb3", 83, false, "PAD SPACE"),
            new Collation("utf8mb3_general_ci", "utf8mb3", 33, true, "PAD SPACE"),
            // the data dictionary's collation of column and index names (information_schema)
            new Collation("utf8mb3_tolower_ci", "utf8mb3", 76, false, "PAD SPACE"),
            new Collation("utf8mb3_unicode_ci", "utf8mb3", 192, false, "PAD SPACE"),
            new Collation("utf8mb4_0900_ai_ci", "utf8mb4", 255, true, "NO PAD"),
            new Collation("utf8mb4_0900_as_cs", "utf8mb4", 278, false, "NO PAD"),
            new Collation("utf8mb4_0900_bin", "utf8mb4", 309, false, "NO PAD"),
            new Collation("utf8mb4_bin", "utf8mb4", 46, false, "PAD SPACE"),
            new Collation("utf8mb4_general_ci", "utf8mb4", 45, false, "PAD SPACE"),
            new Collation("utf8mb4_spanish_ci", "utf8mb4", 231, false, "PAD SPACE"),
            new Collation("utf8mb4_unicode_520_ci", "utf8mb4", 246, false, "PAD SPACE"),
            new Collation("utf8mb4_unicode_ci", "utf8mb4", 224, false, "PAD SPACE"));

    private Charsets() {
    }
}

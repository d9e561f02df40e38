package dev.scion.sql.expr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a MySQL locale writes a number for FORMAT(): its decimal point, thousands separator and digit grouping.
 * The table (format-locales.tsv) lists the 112 locales MySQL and MariaDB share; its values were read from a MariaDB
 * server's information_schema.LOCALES and FORMAT() output, since Java's locale data differs from MySQL's (Java
 * groups fr_FR with a narrow no-break space, MySQL not at all).
 */
record FormatLocale(String name, char decimalPoint, String separator, Grouping grouping) {
    /** Digit groups left of the decimal point. */
    enum Grouping {
        NONE, THOUSANDS,
        /** Indian: the last three digits, then groups of two (12,34,56,789). */
        LAKH
    }

    static final FormatLocale EN_US = new FormatLocale("en_US", '.', ",", Grouping.THOUSANDS);

    private static final Map<String, FormatLocale> BY_NAME = load();

    /** The locale named {@code name} (case-insensitive), or null when MySQL has no such locale. */
    static FormatLocale named(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** {@code digits} (an unsigned integer part) with this locale's separators between its groups. */
    String group(String digits) {
        if (grouping == Grouping.NONE || separator.isEmpty() || digits.length() <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 2);
        int head = digits.length() - 3;
        int size = grouping == Grouping.LAKH ? 2 : 3;
        int firstGroup = head % size == 0 ? size : head % size;
        out.append(digits, 0, firstGroup);
        for (int i = firstGroup; i < head; i += size) {
            out.append(separator).append(digits, i, i + size);
        }
        return out.append(separator).append(digits, head, digits.length()).toString();
    }

    private static Map<String, FormatLocale> load() {
        Map<String, FormatLocale> map = new HashMap<>();
        try (var in = FormatLocale.class.getResourceAsStream("format-locales.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Grouping g = switch (f[3]) {
                    case "3" -> Grouping.THOUSANDS;
                    case "32" -> Grouping.LAKH;
                    default -> Grouping.NONE;
                };
                map.put(f[0].toLowerCase(Locale.ROOT), new FormatLocale(f[0], f[1].charAt(0), f[2], g));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}

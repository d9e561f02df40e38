package dev.scion.sql.routine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A routine parameter's declared type as information_schema.PARAMETERS describes it: the base type name, the full
 * declaration (DTD_IDENTIFIER) and lengths where MySQL lists them (character length for strings, precision and
 * scale for numbers).
 */
record ParameterType(String dataType, String dtd, Long charLength, Long precision, Long scale) {
    private static final Pattern TYPE = Pattern.compile("(?is)\\s*([A-Za-z]+)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?(.*)");

    static ParameterType of(String declared) {
        Matcher m = TYPE.matcher(declared);
        if (!m.matches()) {
            return new ParameterType(declared.toLowerCase(Locale.ROOT), declared.toLowerCase(Locale.ROOT), null, null, null);
        }
        String base = m.group(1).toLowerCase(Locale.ROOT);
        base = switch (base) {
            case "integer" -> "int";
            case "bool", "boolean" -> "tinyint";
            case "numeric", "dec", "fixed" -> "decimal";
            case "real" -> "double";
            default -> base;
        };
        Long n = m.group(2) == null ? null : Long.parseLong(m.group(2));
        Long s = m.group(3) == null ? null : Long.parseLong(m.group(3));
        boolean unsigned = m.group(4).toLowerCase(Locale.ROOT).contains("unsigned");
        return switch (base) {
            case "char", "varchar" -> new ParameterType(base, base + "(" + (n == null ? 1 : n) + ")", n == null ? 1 : n,
                    null, null);
            case "tinytext", "text", "mediumtext", "longtext" -> new ParameterType(base, base, switch (base) {
                case "tinytext" -> 255L;
                case "text" -> 65535L;
                case "mediumtext" -> 16777215L;
                default -> 4294967295L;
            }, null, null);
            case "tinyint", "smallint", "mediumint", "int", "bigint" -> new ParameterType(base,
                    base + (unsigned ? " unsigned" : ""), null, switch (base) {
                        case "tinyint" -> 3L;
                        case "smallint" -> 5L;
                        case "mediumint" -> 7L;
                        case "int" -> 10L;
                        default -> unsigned ? 20L : 19L;
                    }, 0L);
            case "decimal" -> new ParameterType(base, base + "(" + (n == null ? 10 : n) + "," + (s == null ? 0 : s) + ")",
                    null, n == null ? 10L : n, s == null ? 0L : s);
            case "float" -> new ParameterType(base, base, null, 12L, null);
            case "double" -> new ParameterType(base, base, null, 22L, null);
            default -> new ParameterType(base, declared.strip().toLowerCase(Locale.ROOT), null, null, null);
        };
    }
}

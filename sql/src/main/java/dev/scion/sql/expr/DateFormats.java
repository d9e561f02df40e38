package dev.scion.sql.expr;

import java.util.Locale;

/**
 * GET_FORMAT(DATE|TIME|DATETIME|TIMESTAMP, 'EUR'|'USA'|'JIS'|'ISO'|'INTERNAL'): the DATE_FORMAT strings MySQL
 * documents for each kind and locale; NULL for any other pair. The first argument reaches here as text
 * (MySqlCallRewrites turns the keyword into a string).
 */
final class DateFormats {
    private DateFormats() {
    }

    static String of(String kind, String locale) {
        String k = kind.strip().toUpperCase(Locale.ROOT);
        String l = locale.strip().toUpperCase(Locale.ROOT);
        return switch (k) {
            case "DATE" -> switch (l) {
                case "USA" -> "%m.%d.%Y";
                case "JIS", "ISO" -> "%Y-%m-%d";
                case "EUR" -> "%d.%m.%Y";
                case "INTERNAL" -> "%Y%m%d";
                default -> null;
            };
            case "DATETIME", "TIMESTAMP" -> switch (l) {
                case "USA", "EUR" -> "%Y-%m-%d %H.%i.%s";
                case "JIS", "ISO" -> "%Y-%m-%d %H:%i:%s";
                case "INTERNAL" -> "%Y%m%d%H%i%s";
                default -> null;
            };
            case "TIME" -> switch (l) {
                case "USA" -> "%h:%i:%s %p";
                case "JIS", "ISO" -> "%H:%i:%s";
                case "EUR" -> "%H.%i.%s";
                case "INTERNAL" -> "%H%i%s";
                default -> null;
            };
            default -> null;
        };
    }
}

package dev.scion.sql.expr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** MySQL's DATE_FORMAT specifiers ({@code %Y %m %d %H %i %s ...}); STR_TO_DATE reads them in {@link StrToDate}. */
final class MySqlDateFormat {
    private MySqlDateFormat() {
    }

    static String format(LocalDateTime t, String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                out.append(c);
                continue;
            }
            char f = pattern.charAt(++i);
            switch (f) {
                case 'Y' -> out.append(String.format(Locale.ROOT, "%04d", t.getYear()));
                case 'y' -> out.append(String.format(Locale.ROOT, "%02d", t.getYear() % 100));
                case 'm' -> out.append(String.format(Locale.ROOT, "%02d", t.getMonthValue()));
                case 'c' -> out.append(t.getMonthValue());
                case 'd' -> out.append(String.format(Locale.ROOT, "%02d", t.getDayOfMonth()));
                case 'e' -> out.append(t.getDayOfMonth());
                case 'H' -> out.append(String.format(Locale.ROOT, "%02d", t.getHour()));
                case 'k' -> out.append(t.getHour());
                case 'h', 'I' -> out.append(String.format(Locale.ROOT, "%02d", (t.getHour() + 11) % 12 + 1));
                case 'l' -> out.append((t.getHour() + 11) % 12 + 1);
                case 'i' -> out.append(String.format(Locale.ROOT, "%02d", t.getMinute()));
                case 's', 'S' -> out.append(String.format(Locale.ROOT, "%02d", t.getSecond()));
                case 'f' -> out.append(String.format(Locale.ROOT, "%06d", t.getNano() / 1000));
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'r' -> out.append(String.format(Locale.ROOT, "%02d:%02d:%02d %s", (t.getHour() + 11) % 12 + 1,
                        t.getMinute(), t.getSecond(), t.getHour() < 12 ? "AM" : "PM"));
                case 'T' -> out.append(String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(),
                        t.getSecond()));
                case 'M' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'W' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'j' -> out.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
                case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
                case 'D' -> out.append(t.getDayOfMonth()).append(suffix(t.getDayOfMonth()));
                default -> out.append(f);
            }
        }
        return out.toString();
    }

    private static String suffix(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}

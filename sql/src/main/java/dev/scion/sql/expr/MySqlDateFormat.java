package dev.scion.sql.expr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** MySQL's DATE_FORMAT specifiers ({@code %Y %m %d %H %i %s ...}) and STR_TO_DATE's reading of them. */
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

    /** STR_TO_DATE: a DATE when the format has no time part, else a DATETIME; null when the text does not fit. */
    static Object parse(String text, String pattern) {
        int year = 0;
        int month = 0;
        int day = 0;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        boolean pm = false;
        boolean hasTime = false;
        int p = 0;
        try {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c != '%' || i + 1 == pattern.length()) {
                    while (p < text.length() && Character.isWhitespace(text.charAt(p)) && Character.isWhitespace(c)) {
                        p++;
                    }
                    if (!Character.isWhitespace(c)) {
                        if (p >= text.length() || text.charAt(p) != c) {
                            return null;
                        }
                        p++;
                    }
                    continue;
                }
                char f = pattern.charAt(++i);
                if (f == 'M' || f == 'b' || f == 'W' || f == 'a' || f == 'p') {
                    int e = p;
                    while (e < text.length() && Character.isLetter(text.charAt(e))) {
                        e++;
                    }
                    String word = text.substring(p, e).toLowerCase(Locale.ROOT);
                    p = e;
                    if (f == 'p') {
                        pm = word.equals("pm");
                        hasTime = true;
                    } else if (f == 'M' || f == 'b') {
                        month = 0;
                        for (java.time.Month m : java.time.Month.values()) {
                            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
                            if (full.equals(word) || full.substring(0, 3).equals(word)) {
                                month = m.getValue();
                            }
                        }
                        if (month == 0) {
                            return null;
                        }
                    }
                    continue;
                }
                int max = f == 'Y' ? 4 : f == 'f' ? 6 : f == 'j' ? 3 : 2;
                int e = p;
                while (e < text.length() && e - p < max && Character.isDigit(text.charAt(e))) {
                    e++;
                }
                if (e == p) {
                    return null;
                }
                int n = Integer.parseInt(text.substring(p, e));
                switch (f) {
                    case 'Y' -> year = n;
                    case 'y' -> year = n < 70 ? 2000 + n : 1900 + n;
                    case 'm', 'c' -> month = n;
                    case 'd', 'e' -> day = n;
                    case 'H', 'k', 'h', 'I', 'l' -> {
                        hour = n;
                        hasTime = true;
                    }
                    case 'i' -> {
                        minute = n;
                        hasTime = true;
                    }
                    case 's', 'S' -> {
                        second = n;
                        hasTime = true;
                    }
                    case 'f' -> {
                        micros = Integer.parseInt((text.substring(p, e) + "00000").substring(0, 6));
                        hasTime = true;
                    }
                    default -> {
                        return null;
                    }
                }
                p = e;
            }
            if (pm && hour < 12) {
                hour += 12;
            }
            LocalDate d = LocalDate.of(year, month, day);
            return hasTime ? d.atTime(hour, minute, second, micros * 1000) : d;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

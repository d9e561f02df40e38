package dev.scion.sql.expr;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.scion.sql.session.Session;

/**
 * The session's @@time_zone, in which NOW(), CURDATE(), CURTIME(), UNIX_TIMESTAMP(datetime) and FROM_UNIXTIME read
 * and give local time (the UTC_* functions never do). SYSTEM is the server's zone, which Scion reports as UTC
 * (@@system_time_zone). SET time_zone has already refused names it cannot read (1298).
 */
public final class SessionTimeZone {
    private SessionTimeZone() {
    }

    public static ZoneId of(Session session) {
        Object v = session == null ? null : session.variable("time_zone");
        return v == null ? ZoneOffset.UTC : parse(v.toString());
    }

    /** '+02:00', '-6:00', 'UTC', 'Europe/Berlin' or SYSTEM; UTC for anything unreadable. */
    static ZoneId parse(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.equalsIgnoreCase("SYSTEM")) {
            return ZoneOffset.UTC;
        }
        try {
            if (n.startsWith("+") || n.startsWith("-")) {
                // MySQL writes the hour with one digit or two ('+7:00', '+07:00')
                return ZoneOffset.of(n.indexOf(':') == 2 ? n.charAt(0) + "0" + n.substring(1) : n);
            }
            return ZoneId.of(n);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}

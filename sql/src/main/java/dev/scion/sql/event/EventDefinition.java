package dev.scion.sql.event;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One event as the server keeps it: every time already a value (STARTS, ENDS and AT expressions are evaluated
 * when the event is created or altered, as MySQL does). Its stored form is {@link #createText()}, the statement
 * SHOW CREATE EVENT prints, which {@link EventParser} reads back.
 *
 * @param name     as written, without database
 * @param definer  {@code `user`@`host`}
 * @param at       the time of a one-time event, else null
 * @param every    the interval of a recurring event, else null
 * @param starts   a recurring event's first run (the creation time when STARTS was not written)
 * @param ends     a recurring event's last possible run, or null
 * @param preserve ON COMPLETION PRESERVE: a finished event is kept (disabled) instead of dropped
 * @param body     the statement or BEGIN ... END block after DO, as written
 */
public record EventDefinition(String name, String definer, LocalDateTime at, EventInterval every,
                              LocalDateTime starts, LocalDateTime ends, boolean preserve, Status status,
                              String comment, String body) {

    /** ENABLE, DISABLE, DISABLE ON SLAVE (shown as SLAVESIDE_DISABLED). */
    public enum Status {
        ENABLED("ENABLE"), DISABLED("DISABLE"), SLAVESIDE_DISABLED("DISABLE ON SLAVE");

        private final String clause;

        Status(String clause) {
            this.clause = clause;
        }

        public String clause() {
            return clause;
        }
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public boolean recurring() {
        return every != null;
    }

    public EventDefinition withName(String newName) {
        return new EventDefinition(newName, definer, at, every, starts, ends, preserve, status, comment, body);
    }

    public EventDefinition withStatus(Status newStatus) {
        return new EventDefinition(name, definer, at, every, starts, ends, preserve, newStatus, comment, body);
    }

    /** The CREATE EVENT statement of this event, in SHOW CREATE EVENT's form (also the stored form). */
    public String createText() {
        StringBuilder sb = new StringBuilder("CREATE DEFINER = ").append(definer).append(" EVENT ")
                .append(quote(name)).append(" ON SCHEDULE ");
        if (every == null) {
            sb.append("AT '").append(format(at)).append('\'');
        } else {
            sb.append("EVERY ").append(every.sql()).append(' ').append(every.unit().name());
            sb.append(" STARTS '").append(format(starts)).append('\'');
            if (ends != null) {
                sb.append(" ENDS '").append(format(ends)).append('\'');
            }
        }
        sb.append(" ON COMPLETION ").append(preserve ? "PRESERVE " : "NOT PRESERVE ").append(status.clause());
        if (comment != null && !comment.isEmpty()) {
            sb.append(" COMMENT '").append(comment.replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return sb.append(" DO ").append(body).toString();
    }

    public static String format(LocalDateTime t) {
        return t == null ? null : TIME.format(t);
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}

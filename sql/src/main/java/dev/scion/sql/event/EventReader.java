package dev.scion.sql.event;

import dev.scion.sql.admin.Identifiers;

import java.time.LocalDateTime;

/** Reads a stored event (its resolved CREATE EVENT text, where every time and quantity is a literal). */
final class EventReader {
    private EventReader() {
    }

    static EventDefinition read(String createText) {
        EventParser.Clauses c = EventParser.parse(createText);
        EventInterval every = c.everyExpr() == null ? null
                : new EventInterval(Identifiers.unquote(c.everyExpr()), c.everyUnit());
        return new EventDefinition(c.name(), c.definer(), time(c.atExpr()), every, time(c.startsExpr()),
                time(c.endsExpr()), Boolean.TRUE.equals(c.preserve()),
                c.status() == null ? EventDefinition.Status.ENABLED : c.status(), c.comment(), c.body());
    }

    private static LocalDateTime time(String literal) {
        return literal == null ? null : LocalDateTime.parse(Identifiers.unquote(literal), EventDefinition.TIME);
    }
}

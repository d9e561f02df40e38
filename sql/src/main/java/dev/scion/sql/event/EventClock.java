package dev.scion.sql.event;

import java.time.LocalDateTime;

/** The server's wall clock in whole seconds, the resolution MySQL keeps event times in. */
final class EventClock {
    private EventClock() {
    }

    static LocalDateTime now() {
        return LocalDateTime.now().withNano(0);
    }
}

package dev.scion.cli.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatesTest {
    @Test
    void parsesEpochAndIsoForms() {
        assertEquals(1_700_000_000_000L, Dates.parse("@1700000000"));
        assertEquals(1_700_000_000_000L, Dates.parse("1700000000"));
        assertEquals(1_748_779_200_000L, Dates.parse("2025-06-01T12:00:00Z"));
        assertEquals(1_748_779_200_000L, Dates.parse("2025-06-01T14:00:00+02:00"));
        assertThrows(CliError.class, () -> Dates.parse("yesterday"));
    }
}

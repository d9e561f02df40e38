package dev.scion.cli.remote;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostedRequestTest {
    @Test
    void survivesTheTripAsOneSqlSafeArgument() {
        HostedRequest r = new HostedRequest(List.of("commit", "-m", "it's \"quoted\"\\ and ünïcode; DROP TABLE t"),
                "/home/ann/db", Map.of("SCION_COMMITTER_DATE", "@1767225600"), "Europe/Berlin", true);
        String text = r.encode();
        assertTrue(text.matches("[A-Za-z0-9+/=]+"), "nothing a SQL string literal would need to escape: " + text);
        assertEquals(r, HostedRequest.decode(text));
    }

    @Test
    void aMalformedRequestIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostedRequest.decode("not base64 at all!"));
        assertTrue(e.getMessage().startsWith("malformed scion_cli request"), e.getMessage());
    }

    @Test
    void twoWordCommandsAreNamedByBothWords() {
        assertEquals("table export", ScionCliProcedure.commandName(List.of("table", "export", "t")));
        assertEquals("conflicts cat", ScionCliProcedure.commandName(List.of("conflicts", "cat")));
        assertEquals("log", ScionCliProcedure.commandName(List.of("log", "--oneline")));
        assertEquals("", ScionCliProcedure.commandName(List.of()));
    }
}

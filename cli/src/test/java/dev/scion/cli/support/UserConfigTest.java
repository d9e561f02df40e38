package dev.scion.cli.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserConfigTest {
    @TempDir
    Path dir;

    @Test
    void localOverridesGlobalAndUnsetRemoves() {
        UserConfig c = new UserConfig(dir.resolve("global/config.json"), dir.resolve("db/.scion/config.json"));
        c.set(true, "user.name", "Global Name");
        c.set(true, "user.email", "g@example.com");
        c.set(false, "user.email", "local@example.com");
        assertEquals("Global Name", c.get("user.name").orElseThrow());
        assertEquals("local@example.com", c.get("user.email").orElseThrow());
        assertEquals(Map.of("user.name", "Global Name", "user.email", "local@example.com"), c.all());
        c.set(false, "user.email", null);
        assertEquals("g@example.com", c.get("user.email").orElseThrow());
        CliError e = assertThrows(CliError.class, () -> c.set(false, "user.email", null));
        assertEquals(5, e.exitCode());
        assertTrue(new UserConfig(dir.resolve("none.json"), null).get("user.name").isEmpty());
    }
}

package dev.scion.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class ConfigFileTest {
    @TempDir
    Path dir;

    private static final String FULL = """
            log_level: debug
            long_query_time: 0.25
            data_dir: /srv/scion
            behavior:
              read_only: true
              autocommit: false
              shutdown_timeout_seconds: 5
              auto_gc: false
              auto_gc_threshold_bytes: 104857600
            user:
              name: admin
              password: "s3cret"
            listener:
              host: 0.0.0.0
              port: 3307
              max_connections: 20
              read_timeout_millis: 1500
              write_timeout_millis: 2500
              max_allowed_packet: 1048576
              require_secure_transport: false
            remotesapi:
              port: 50051
              read_only: true
            """;

    @Test
    void everyKeyReachesTheServerConfig() {
        ServerConfig c = ConfigFile.parse(FULL, "test.yaml").toServerConfig();
        assertEquals("0.0.0.0", c.host());
        assertEquals(3307, c.port());
        assertEquals(Path.of("/srv/scion"), c.dataDir());
        assertEquals(20, c.maxConnections());
        assertEquals("admin", c.rootUser());
        assertEquals("s3cret", c.rootPassword());
        assertTrue(c.readOnly());
        assertFalse(c.autocommit());
        assertEquals(0.25, c.longQueryTimeSeconds());
        assertEquals(5.0, c.shutdownTimeoutSeconds());
        assertEquals(2, c.waitTimeoutSeconds(), "1500 ms of read timeout round up to 2 s of wait_timeout");
        assertEquals(2, c.interactiveTimeoutSeconds());
        assertEquals(1048576, c.maxAllowedPacket());
        assertEquals(2500, c.writeTimeoutMillis());
        assertEquals(50051, c.remotesApiPort());
        assertTrue(c.remotesApiReadOnly());
        assertFalse(c.autoGc().enabled());
        assertEquals(104857600, c.autoGc().thresholdBytes());
        assertEquals("debug", ConfigFile.parse(FULL, "t").<String>get(ConfigKey.LOG_LEVEL).orElseThrow());
    }

    @Test
    void anEmptyFileMeansDefaults() {
        ServerConfig c = ConfigFile.parse("", "empty.yaml").toServerConfig();
        assertEquals(ServerConfig.DEFAULT_HOST, c.host());
        assertEquals(ServerConfig.DEFAULT_PORT, c.port());
        assertEquals("root", c.rootUser());
        assertNull(c.rootPassword());
        assertFalse(c.readOnly());
        assertTrue(c.autocommit());
        assertEquals(ServerConfig.REMOTES_API_OFF, c.remotesApiPort());
        assertEquals(60_000, c.writeTimeoutMillis());
        assertTrue(c.autoGc().enabled(), "automatic garbage collection is on by default");
        assertEquals(256L << 20, c.autoGc().thresholdBytes());
    }

    @Test
    void anAutoGcThresholdBelowOneMebibyteIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFile.parse("behavior:\n  auto_gc_threshold_bytes: 1000\n", "my.yaml"));
        assertEquals("bad value '1000' for behavior.auto_gc_threshold_bytes: bytes 1048576..1125899906842624",
                e.getMessage());
    }

    @Test
    void flagsOverrideTheFile() {
        ConfigValues file = ConfigFile.parse(FULL, "test.yaml");
        ConfigValues flags = new ConfigValues().set(ConfigKey.PORT, "4000").set(ConfigKey.READ_ONLY, false);
        ServerConfig c = file.overriddenBy(flags).toServerConfig();
        assertEquals(4000, c.port());
        assertFalse(c.readOnly());
        assertEquals("0.0.0.0", c.host(), "keys without a flag keep the file's value");
    }

    @Test
    void anUnknownKeyIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFile.parse("listener:\n  prot: 3306\n", "my.yaml"));
        assertEquals("my.yaml: unknown key 'listener.prot'", e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigFile.parse("verbose: true\n", "my.yaml"));
        assertEquals("my.yaml: unknown key 'verbose'", e.getMessage());
    }

    @Test
    void badValuesAreNamedWithWhatWasExpected() {
        assertEquals("bad value 'many' for listener.port: a port number 0..65535 (0: any free port)",
                assertThrows(ConfigException.class,
                        () -> ConfigFile.parse("listener:\n  port: many\n", "f")).getMessage());
        assertEquals("bad value '70000' for listener.port: a port number 0..65535 (0: any free port)",
                assertThrows(ConfigException.class,
                        () -> ConfigFile.parse("listener:\n  port: 70000\n", "f")).getMessage());
        assertEquals("bad value 'maybe' for behavior.read_only: expected true or false",
                assertThrows(ConfigException.class,
                        () -> ConfigFile.parse("behavior:\n  read_only: maybe\n", "f")).getMessage());
        assertEquals("bad value 'loud' for log_level: one of error, warn, info, debug, trace",
                assertThrows(ConfigException.class, () -> ConfigFile.parse("log_level: loud\n", "f")).getMessage());
        assertEquals("bad value '-1' for long_query_time: seconds 0..31536000",
                assertThrows(ConfigException.class,
                        () -> ConfigFile.parse("long_query_time: -1\n", "f")).getMessage());
        assertEquals("bad value '0' for listener.max_connections: a whole number 1..100000",
                assertThrows(ConfigException.class,
                        () -> ConfigFile.parse("listener:\n  max_connections: 0\n", "f")).getMessage());
        assertTrue(assertThrows(ConfigException.class,
                () -> ConfigFile.parse("listener:\n  port: [1, 2]\n", "f")).getMessage().contains("listener.port"));
        assertTrue(assertThrows(ConfigException.class,
                () -> ConfigFile.parse("listener: 3306\n", "f")).getMessage().contains("'listener' is a section"));
    }

    @Test
    void tlsNeedsBothFiles() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFile.parse("listener:\n  tls_cert: /c.pem\n", "f").toServerConfig());
        assertEquals("listener.tls_cert is set but listener.tls_key is not", e.getMessage());
    }

    @Test
    void brokenYamlAndMissingFilesAreReported() throws Exception {
        assertTrue(assertThrows(ConfigException.class, () -> ConfigFile.parse("listener: [\n", "f.yaml"))
                .getMessage().startsWith("f.yaml is not valid YAML"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigFile.parse("- a\n- b\n", "f.yaml"))
                .getMessage().contains("top level"));
        Path missing = dir.resolve("none.yaml");
        assertEquals("config file " + missing + " does not exist",
                assertThrows(ConfigException.class, () -> ConfigFile.read(missing)).getMessage());
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "listener:\n  port: 3310\n");
        assertEquals(3310, ConfigFile.read(file).toServerConfig().port());
    }
}

package dev.scion.versioning.remote;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How remote URLs and paths are read: absolute file URLs as given, Dolt's relative ones against the database. */
class TransportsTest {
    private final Path base = Path.of("/data/dir/mydb");

    @Test
    void aFileUrlWithoutThirdSlashIsAPathRelativeToTheDatabase() {
        assertEquals(Path.of("/data/dir/remote-repo").toUri(), Transports.parse("file://../remote-repo", base));
        assertEquals(Path.of("/data/dir/mydb/sub/r").toUri(), Transports.parse("file://sub/r", base));
    }

    @Test
    void absoluteFileUrlsAndPlainPathsAreReadAsBefore() {
        assertEquals(URI.create("file:///abs/remote"), Transports.parse("file:///abs/remote", base));
        assertEquals(Path.of("/data/dir/other").toUri(), Transports.parse("../other", base));
        assertEquals(URI.create("http://host:8080/db"), Transports.parse("http://host:8080/db", base));
    }
}

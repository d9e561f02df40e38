package dev.scion.sql.dml;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server's own files, as LOAD DATA INFILE (without LOCAL) may read them under MySQL's rules. The session needs
 * the global FILE privilege; {@code @@secure_file_priv} (set by the server's configuration, read-only in SQL) decides
 * where: NULL refuses every such file (1290), an empty string allows any, a directory allows the files under it
 * (1290 for others, after symbolic links are resolved, so a link cannot lead out of it). A bare file name is read from
 * the directory of the default database, a relative path with directories from the data directory, as MySQL does.
 */
final class ServerFiles {
    static final String VARIABLE = "secure_file_priv";

    private ServerFiles() {
    }

    /** Opens the file {@code name} names for reading, or fails as MySQL does. */
    static InputStream open(Session session, String name) {
        dev.scion.sql.privilege.AccessChecks.requireFile(session);
        Object allowed = session.engine().globalVariable(VARIABLE);
        if (allowed == null) {
            throw prevented();
        }
        Path file = resolve(session, name);
        Path dir = allowed.toString().isEmpty() ? null : Path.of(allowed.toString()).toAbsolutePath().normalize();
        if (dir != null && !file.startsWith(dir)) {
            throw prevented();
        }
        if (!Files.isRegularFile(file)) {
            throw new SqlError(ErrorCode.FILE_NOT_FOUND, "File '" + file + "' not found (OS errno 2 - No such file or "
                    + "directory)");
        }
        try {
            Path real = file.toRealPath();
            if (dir != null && !real.startsWith(dir.toRealPath())) {
                throw prevented(); // a symbolic link inside the directory leads out of it
            }
            return Files.newInputStream(real);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the INFILE file failed: " + e.getMessage(), e);
        }
    }

    private static Path resolve(Session session, String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return given.normalize();
        }
        Path dataDir = session.engine().dataDirectory().root().toAbsolutePath();
        if (given.getNameCount() == 1 && session.currentDatabase() != null) {
            return dataDir.resolve(session.current().databaseName()).resolve(given).normalize();
        }
        return dataDir.resolve(given).normalize();
    }

    private static SqlError prevented() {
        return new SqlError(ErrorCode.OPTION_PREVENTS_STATEMENT,
                "The MySQL server is running with the --secure-file-priv option so it cannot execute this statement");
    }
}

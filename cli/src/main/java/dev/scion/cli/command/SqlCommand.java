package dev.scion.cli.command;

import dev.scion.cli.remote.MysqlTextClient;
import dev.scion.cli.remote.ServerAddress;
import dev.scion.cli.support.CliError;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.Invocation;
import dev.scion.cli.support.Workspace;
import dev.scion.sql.SqlEngine;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StorageException;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.versioning.repo.DataDirectory;
import dev.scion.versioning.repo.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scion sql}: run SQL in process, with the same engine sql-server uses, against the databases of the
 * current directory: the directory itself if it is a database (then also the current database) and every database
 * one level below; CREATE DATABASE makes a new subdirectory. It works in any directory, with no databases at all.
 * {@code -q} runs one query string; otherwise statements are read from stdin (a shell with a prompt on a
 * terminal). When a running sql-server serves the directory, the statements go through it instead.
 */
@Command(name = "sql", description = "Run SQL: -q \"...\" or an interactive shell.")
public final class SqlCommand implements Callable<Integer> {
    @Option(names = {"-q", "--query"}, description = "The statements to run.")
    String query;

    @Option(names = {"-s", "--save"}, paramLabel = "NAME",
            description = "With -q: after the query succeeds, save it in dolt_query_catalog under this name.")
    String save;

    @Option(names = {"-m", "--message"}, description = "With --save: the saved query's description.")
    String message;

    @Option(names = {"-x", "--execute"}, paramLabel = "NAME", description = "Run the query saved under NAME.")
    String execute;

    @Option(names = {"-l", "--list-saved"}, description = "List the saved queries.")
    boolean listSaved;

    private final Terminal term = Terminal.system();

    @Override
    public Integer call() {
        if (save != null && query == null) {
            term.err().println("error: --save needs the query to save (-q)");
            term.flush();
            return 1;
        }
        if (execute != null && query != null || listSaved && (query != null || execute != null)) {
            term.err().println("error: -q, --execute and --list-saved exclude each other");
            term.flush();
            return 1;
        }
        if (listSaved) {
            query = SavedQueries.LIST;
        }
        Path dir = Workspace.cwd().toAbsolutePath().normalize();
        String own = Repository.isRepository(dir) ? dir.getFileName().toString() : null;
        var server = ServerAddress.find(dir);
        if (server.isPresent()) {
            return viaServer(server.get(), own);
        }
        SqlEngine engine;
        try {
            DataDirectory data = new DataDirectory(dir, StoreOptions.defaults());
            try {
                for (String name : data.names()) {
                    data.open(name); // opening takes the store lock: find out now who holds it
                }
            } catch (StorageException e) {
                data.close();
                throw e;
            }
            engine = new SqlEngine(data);
        } catch (StorageException e) {
            if (RocksChunkStore.isInUse(e) && !Invocation.current().isHosted()) {
                // a server that has just started locks the store a moment before it records its address
                var late = ServerAddress.await(dir, RepoCommand.LATE_SERVER_PATIENCE);
                if (late.isPresent()) {
                    return viaServer(late.get(), own);
                }
                term.err().println("fatal: " + e.getMessage() + "\nhint: " + ServerAddress.whyNotFound(dir));
                term.flush();
                return 1;
            }
            term.err().println("fatal: " + e.getMessage());
            return 1;
        }
        try (engine) {
            Session session = engine.openSession(1, "root", "localhost", false);
            if (own != null && !runAll(engine, session, "USE `" + own.replace("`", "``") + "`")) {
                return 1;
            }
            if (execute != null) {
                query = savedQuery(sql -> lookup(engine, session, sql));
                if (query == null) {
                    return 1;
                }
            }
            if (query != null) {
                boolean ok = runAll(engine, session, query);
                if (ok && save != null) {
                    lookup(engine, session, saveStatement(sql -> lookup(engine, session, sql))); // saved silently
                }
                return ok ? 0 : 1;
            }
            return shell(engine, session);
        } catch (RuntimeException e) {
            return RepoCommand.fail(term, e);
        } finally {
            term.flush();
        }
    }

    /** The database is locked by a running sql-server: send the statements there over the MySQL protocol. */
    private int viaServer(ServerAddress server, String db) {
        try (MysqlTextClient client = new MysqlTextClient(server.connectHost(), server.port(), "root", db)) {
            if (execute != null) {
                query = savedQuery(sql -> remoteLookup(client, sql));
                if (query == null) {
                    return 1;
                }
            }
            if (query != null) {
                boolean ok = remote(client, query);
                if (ok && save != null) {
                    remoteLookup(client, saveStatement(sql -> remoteLookup(client, sql))); // saved silently
                }
                return ok ? 0 : 1;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            StringBuilder pending = new StringBuilder();
            boolean ok = true;
            String line;
            while ((line = in.readLine()) != null) {
                pending.append(line).append('\n');
                if (line.trim().endsWith(";")) {
                    ok &= remote(client, pending.toString());
                    pending.setLength(0);
                }
            }
            if (!pending.toString().isBlank()) {
                ok &= remote(client, pending.toString());
            }
            return ok ? 0 : 1;
        } catch (IOException e) {
            term.err().println("fatal: the database is served by scion sql-server on port " + server.port()
                    + " but talking to it failed: " + e.getMessage());
            return 1;
        } finally {
            term.flush();
        }
    }

    /** The saved query --execute names, or null (after saying so) when there is none. */
    private String savedQuery(SavedQueries.Lookup lookup) {
        String saved = lookup.first(SavedQueries.find(execute));
        if (saved == null) {
            term.err().println("error: no saved query named '" + execute + "' (see scion sql --list-saved)");
        }
        return saved;
    }

    private String saveStatement(SavedQueries.Lookup lookup) {
        return SavedQueries.save(save, query, message, lookup);
    }

    /** The first column of the first row of a query run in process, or null. */
    private String lookup(SqlEngine engine, Session session, String sql) {
        String[] first = new String[1];
        engine.execute(session, sql, true, r -> {
            if (r instanceof StatementResult.Rows rows) {
                try (var stream = rows.rows()) {
                    Object[] row = stream.next();
                    first[0] = row == null || row[0] == null ? null : text(row[0]);
                }
            }
        });
        return first[0];
    }

    private String remoteLookup(MysqlTextClient client, String sql) {
        String[] first = new String[1];
        try {
            client.query(sql, r -> {
                if (r.isRows() && !r.rows().isEmpty()) {
                    first[0] = r.rows().get(0).get(0);
                }
            });
        } catch (IOException e) {
            throw new CliError("error: talking to the server failed: " + e.getMessage());
        }
        return first[0];
    }

    private boolean remote(MysqlTextClient client, String sql) throws IOException {
        try {
            client.query(sql, r -> {
                if (r.isRows()) {
                    TextTable t = new TextTable(r.columns());
                    for (List<String> row : r.rows()) {
                        t.add(row.stream().map(v -> v == null ? "NULL" : v).toList());
                    }
                    if (t.size() > 0) {
                        t.print(term.out());
                    }
                } else if (r.affectedRows() > 0) {
                    term.out().println("Query OK, " + r.affectedRows() + " row" + (r.affectedRows() == 1 ? "" : "s")
                            + " affected");
                }
            });
            return true;
        } catch (MysqlTextClient.ServerError e) {
            term.out().flush();
            term.err().println("error " + e.code() + " (" + e.sqlState() + "): " + e.getMessage());
            return false;
        }
    }

    private int shell(SqlEngine engine, Session session) {
        boolean prompt = term.interactive();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        boolean ok = true;
        try {
            while (true) {
                if (prompt) {
                    String db = session.currentDatabase();
                    term.out().print(pending.length() == 0 ? (db == null ? "> " : db + "> ") : "    -> ");
                    term.out().flush();
                }
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                String trimmed = line.trim();
                if (pending.length() == 0 && (trimmed.equalsIgnoreCase("exit") || trimmed.equalsIgnoreCase("quit")
                        || trimmed.equalsIgnoreCase("\\q"))) {
                    term.out().println("Bye");
                    break;
                }
                pending.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String before = session.currentDatabase();
                    ok &= runAll(engine, session, pending.toString());
                    if (session.currentDatabase() != null && !session.currentDatabase().equals(before)) {
                        term.out().println("Database changed");
                    }
                    pending.setLength(0);
                    term.out().flush();
                }
            }
            if (!pending.toString().isBlank()) {
                ok &= runAll(engine, session, pending.toString());
            }
        } catch (IOException e) {
            throw new CliError("error: reading stdin: " + e.getMessage());
        }
        return ok || prompt ? 0 : 1;
    }

    /** Runs statements, printing results; false after the first error (which is printed to stderr). */
    private boolean runAll(SqlEngine engine, Session session, String sql) {
        try {
            engine.execute(session, sql, true, this::print);
            return true;
        } catch (SqlError e) {
            term.out().flush();
            term.err().println("error " + e.code() + " (" + e.sqlState() + "): " + e.getMessage());
            return false;
        }
    }

    private void print(StatementResult r) {
        if (r instanceof StatementResult.Rows rows) {
            List<String> header = new ArrayList<>();
            for (ResultColumn c : rows.columns()) {
                header.add(c.name());
            }
            TextTable t = new TextTable(header);
            try (var stream = rows.rows()) {
                Object[] row;
                while ((row = stream.next()) != null) {
                    List<String> cells = new ArrayList<>(row.length);
                    for (Object v : row) {
                        cells.add(text(v));
                    }
                    t.add(cells);
                }
            }
            if (!header.isEmpty() && t.size() > 0) {
                t.print(term.out());
            }
        } else if (r instanceof StatementResult.Update u && u.affectedRows() > 0) {
            term.out().println("Query OK, " + u.affectedRows() + " row" + (u.affectedRows() == 1 ? "" : "s")
                    + " affected");
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof java.time.LocalDateTime t) {
            return t.toString().replace('T', ' ');
        }
        return v.toString();
    }
}

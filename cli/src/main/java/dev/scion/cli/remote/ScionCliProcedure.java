package dev.scion.cli.remote;

import dev.scion.cli.ScionCommand;
import dev.scion.cli.support.Invocation;
import dev.scion.cli.support.Terminal;
import dev.scion.sql.HostProcedure;
import dev.scion.sql.SqlEngine;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.privilege.AccessChecks;
import dev.scion.sql.privilege.AccessPolicy;
import dev.scion.sql.privilege.Privilege;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.ServerReadOnly;
import dev.scion.sql.session.Session;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server half of server mode: {@code CALL scion_cli(request)} runs one scion command line inside the
 * sql-server, on the server's open repositories, with the caller's directory, environment and time zone, and
 * answers with rows {@code (stream, text)}: the command's stdout ("out"), stderr ("err") and exit code ("exit").
 * The command code is the very code the CLI runs in its own process (the same library operations the dolt_*
 * procedures use), so the two modes cannot drift apart.
 *
 * <p>A command can read and write files (table import/export, dump -f) and change any ref, so the caller needs
 * the global SUPER and FILE privileges (root has them). On a read-only server only commands that read run.
 */
public final class ScionCliProcedure implements HostProcedure {
    public static final String NAME = "scion_cli";

    /** Commands that change nothing; the only ones a read-only server runs. */
    private static final Set<String> READ_ONLY = Set.of("status", "log", "diff", "show", "merge-base", "blame",
            "dump", "table export", "conflicts cat", "fsck");

    /** Output travels in rows of at most this many characters, far below any packet limit. */
    private static final int CHUNK = 1 << 20;

    private ScionCliProcedure() {
    }

    /** The poll of a running command's output: {@code CALL scion_cli_output(id)}. */
    public static final String OUTPUT = "scion_cli_output";

    /** Output of the commands running now with a live id, by that id. */
    private static final Map<String, LiveOutput> RUNNING = new ConcurrentHashMap<>();

    public static void register(SqlEngine engine) {
        engine.registerProcedure(NAME, new ScionCliProcedure());
        engine.registerProcedure(OUTPUT, ScionCliProcedure::output);
    }

    /**
     * What the command running under that live id wrote since the last poll, as rows {@code (stream, text)}; no
     * rows once it has ended (its answer carries the rest). Same privileges as running one: it shows the output.
     */
    static StatementResult output(Session session, List<String> args) {
        requirePrivileges(session);
        if (args.size() != 1 || args.get(0) == null) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, OUTPUT + ": expects one argument, the command's live id");
        }
        LiveOutput live = RUNNING.get(args.get(0));
        List<Object[]> rows = new ArrayList<>();
        if (live != null) {
            for (Object[] r : live.drain()) {
                chunks(rows, (String) r[0], (String) r[1]);
            }
        }
        return rows(rows);
    }

    private static void requirePrivileges(Session session) {
        if (session.access() != AccessPolicy.UNRESTRICTED) {
            AccessChecks.requireGlobal(session, Privilege.SUPER, Privilege.FILE);
        }
    }

    private static StatementResult rows(List<Object[]> rows) {
        return new StatementResult.Rows(List.of(ResultColumn.text("stream"), ResultColumn.text("text")),
                RowStream.of(rows));
    }

    @Override
    public StatementResult call(Session session, List<String> args) {
        requirePrivileges(session);
        if (args.size() != 1 || args.get(0) == null) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, NAME + ": expects one argument, the encoded command line");
        }
        HostedRequest request;
        try {
            request = HostedRequest.decode(args.get(0));
        } catch (IllegalArgumentException e) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, NAME + ": " + e.getMessage());
        }
        if (request.cwd() == null || request.args() == null) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, NAME + ": the request needs the arguments and the caller's "
                    + "directory");
        }
        List<String> argv = request.args();
        if (ServerReadOnly.isOn(session) && !READ_ONLY.contains(commandName(argv))) {
            ServerReadOnly.refuseWrite(session);
        }
        // live: the output is kept where scion_cli_output can take it while the command runs (the caller shows
        // it as it comes, progress bars included); else it is buffered for the answer
        String liveId = request.live();
        if (liveId != null && RUNNING.containsKey(liveId)) {
            throw new SqlError(ErrorCode.WRONG_ARGUMENTS, NAME + ": live id " + liveId + " is in use");
        }
        LiveOutput live = new LiveOutput();
        PrintStream outStream = new PrintStream(live.stream("out"), false, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(live.stream("err"), true, StandardCharsets.UTF_8);
        Terminal term = new Terminal(outStream, errStream, request.colour(), liveId != null && request.interactive());
        Invocation invocation = new Invocation(Path.of(request.cwd()).toAbsolutePath().normalize(),
                request.env() == null ? new HashMap<>() : request.env(), zone(request.zone()), term,
                session);
        if (liveId != null) {
            RUNNING.put(liveId, live);
        }
        int exit;
        try {
            exit = Invocation.runHosted(invocation, () -> ScionCommand.commandLine(
                    new PrintWriter(outStream, true, StandardCharsets.UTF_8),
                    new PrintWriter(errStream, true, StandardCharsets.UTF_8)).execute(argv.toArray(String[]::new)));
            term.flush();
            outStream.flush();
        } finally {
            if (liveId != null) {
                RUNNING.remove(liveId);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : live.drain()) {
            chunks(rows, (String) r[0], (String) r[1]);
        }
        rows.add(new Object[] {"exit", Integer.toString(exit)});
        return rows(rows);
    }

    /** "table export" and "conflicts cat" are two words; every other command one. */
    static String commandName(List<String> argv) {
        if (argv.isEmpty()) {
            return "";
        }
        String first = argv.get(0);
        if ((first.equals("table") || first.equals("conflicts")) && argv.size() > 1) {
            return first + " " + argv.get(1);
        }
        return first;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.systemDefault() : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.systemDefault();
        }
    }

    /** Splits text into rows, never between the two halves of a surrogate pair. */
    private static void chunks(List<Object[]> rows, String stream, String text) {
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + CHUNK);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            rows.add(new Object[] {stream, text.substring(i, end)});
            i = end;
        }
    }
}

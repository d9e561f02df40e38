package dev.scion.cli.remote;

import dev.scion.cli.support.Invocation;
import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.UserConfig;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client half of server mode: a CLI command whose database is owned by a running sql-server is sent there
 * ({@code CALL scion_cli(request)}) over the MySQL protocol, and the server's answer (the command's stdout,
 * stderr and exit code) is replayed here as if the command had run in this process.
 */
public final class ServerForwarding {
    private ServerForwarding() {
    }

    public static int run(ServerAddress server, Invocation invocation, List<String> args, Terminal term) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : HostedRequest.FORWARDED_ENV) {
            invocation.getenv(name).ifPresent(v -> env.put(name, v));
        }
        // the server process may have another home: the caller's config (user.name, user.email) is what counts
        env.put("SCION_HOME", UserConfig.homeDir().toAbsolutePath().toString());
        HostedRequest request = new HostedRequest(args, invocation.cwd().toString(), env,
                invocation.zone().getId(), term.colour());
        try (MysqlTextClient client = new MysqlTextClient(server.connectHost(), server.port(), "root", null)) {
            int[] exit = {128};
            client.query("CALL scion_cli('" + request.encode() + "')", r -> {
                if (!r.isRows()) {
                    return;
                }
                for (List<String> row : r.rows()) {
                    String text = row.get(1) == null ? "" : row.get(1);
                    switch (row.get(0)) {
                        case "out" -> term.out().print(text);
                        case "err" -> {
                            term.out().flush();
                            term.err().print(text);
                        }
                        case "exit" -> exit[0] = Integer.parseInt(text);
                        default -> { } // a newer server's extra stream: nothing to show
                    }
                }
            });
            return exit[0];
        } catch (MysqlTextClient.ServerError e) {
            term.err().println("fatal: the sql-server on port " + server.port() + " owns this database and refused "
                    + "the command: " + e.getMessage() + " (error " + e.code() + ")");
            return 1; // refused (read-only server, missing privilege): nothing changed
        } catch (IOException e) {
            term.err().println("fatal: the database is served by scion sql-server on port " + server.port()
                    + " but talking to it failed: " + e.getMessage());
            return 128;
        } finally {
            term.flush();
        }
    }
}

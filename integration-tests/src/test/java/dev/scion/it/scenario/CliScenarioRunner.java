package dev.scion.it.scenario;

import dev.scion.scenario.Outcome;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scion.it.harness.CliOutput;
import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;

/**
 * Plays scenarios through the real mariadb CLI in batch mode: one long-lived client process per named connection
 * ({@code mariadb --no-defaults -h -P -u --protocol=TCP --force --unbuffered -vvv -t [db]}), fed one statement at a
 * time; the client's answer is parsed back: {@code ERROR code (state)}, a drawn table, {@code Empty set} (no header
 * is shown then), or {@code Query OK, N rows affected}. The CLI does not send CLIENT_FOUND_ROWS, so an UPDATE reports
 * the rows it changed. Statements the client answers with nothing (e.g. USE in batch mode) count as ok without a
 * count.
 */
public final class CliScenarioRunner extends ScenarioRunner<MysqlCli.Session> {
    private static final Pattern ECHO = Pattern.compile("(?s)^(.*?)--------------\\n.*?\\n--------------\\n");
    private final MysqlCli cli;

    public CliScenarioRunner(ScionServerProcess server) {
        super(server);
        this.cli = new MysqlCli(server);
    }

    @Override
    protected String clientLabel() {
        return cli.binary() + " batch";
    }

    @Override
    protected MysqlCli.Session open(String name, String database) throws ConnectFailure {
        MysqlCli.Session s = cli.session(database);
        // a client-side echo only: proves the client connected (or shows why it did not)
        String answer = s.probe();
        Matcher err = CliOutput.error(answer);
        if (err != null) {
            s.close();
            throw new ConnectFailure(Outcome.error(Integer.parseInt(err.group(1)), err.group(2), err.group(3)));
        }
        return s;
    }

    @Override
    protected Outcome execute(MysqlCli.Session s, String sql) {
        String answer = s.execute(sql);
        return parse(answer, sql);
    }

    /** Turns the client's answer to one statement into an outcome. */
    static Outcome parse(String answer, String sql) {
        String text = answer.replace("\r", "");
        String stmt = JdbcScenarioRunner.stripDelimiter(sql);
        String echo = "--------------\n" + stmt + "\n--------------\n";
        int at = text.indexOf(echo);
        if (at >= 0) {
            text = text.substring(0, at) + text.substring(at + echo.length());
        } else {
            Matcher m = ECHO.matcher(text);
            if (m.find()) {
                text = m.group(1) + text.substring(m.end());
            }
        }
        Matcher err = CliOutput.error(text);
        if (err != null) {
            return Outcome.error(Integer.parseInt(err.group(1)), err.group(2), err.group(3));
        }
        List<CliOutput.Table> tables = CliOutput.tables(text);
        if (!tables.isEmpty()) {
            CliOutput.Table t = tables.get(0);
            return Outcome.result(List.copyOf(t.columns()), Outcome.copy(t.rows()));
        }
        if (CliOutput.EMPTY_SET.matcher(text).find()) {
            return Outcome.result(null, List.of());
        }
        return Outcome.ok(CliOutput.queryOkCount(text));
    }

    @Override
    protected void close(MysqlCli.Session s) {
        s.close();
    }
}

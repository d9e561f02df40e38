package dev.scion.it.clients;

import dev.scion.it.harness.MysqlCli;
import dev.scion.it.harness.ScionServerProcess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The mysql command-line client (Debian: mariadb under its mysql name) runs the client script in one batch
 * session ({@code -B -vv}: each statement is echoed between dashed lines, followed by its tab-separated rows or
 * its "Query OK, n rows affected"), so the branch checked out by one step is still current in the next.
 */
class MysqlCliScriptTest {

    private static final Pattern BLOCK = Pattern.compile("--------------\\n(.*?)\\n--------------\\n\\n(.*?)(?=\\n--------------\\n|\\z)",
            Pattern.DOTALL);
    private static final Pattern AFFECTED = Pattern.compile("Query OK, (\\d+) rows? affected.*", Pattern.DOTALL);

    @Test
    void runsTheScript() {
        String database = "cli_script";
        try (ScionServerProcess server = ScionServerProcess.start("clients-mysql-cli")) {
            server.dropDatabasesIfExternal(database);
            MysqlCli cli = new MysqlCli(server).asMysql();
            List<ClientScript.Step> steps = ClientScript.steps();
            StringBuilder input = new StringBuilder("CREATE DATABASE " + database + ";\nUSE " + database + ";\n");
            for (ClientScript.Step step : steps) {
                input.append(step.sql()).append(";\n");
            }
            MysqlCli.Result result = cli.batchStdin(null, input.toString(), "-B", "-vv");
            assertEquals(0, result.exitCode(), result.toString());

            List<String[]> blocks = new ArrayList<>();
            Matcher m = BLOCK.matcher(result.stdout());
            while (m.find()) {
                blocks.add(new String[] {m.group(1), m.group(2)});
            }
            // the first block is CREATE DATABASE (USE is a client command and not echoed)
            assertEquals(steps.size() + 1, blocks.size(), result.stdout());
            String client = cli.binary() + " -B";
            for (int i = 0; i < steps.size(); i++) {
                ClientScript.Step step = steps.get(i);
                String[] block = blocks.get(i + 1);
                assertEquals(step.sql(), block[0], "echoed statement of step " + step.number());
                ClientScript.check(client, step, parse(block[1]));
            }
        }
    }

    /** One statement's output: "Query OK, n rows affected" or a header line, rows and "n rows in set". */
    private static ClientScript.Outcome parse(String output) {
        String text = output.strip();
        if (text.endsWith("\nBye") || text.equals("Bye")) {
            text = text.substring(0, text.length() - 3).strip(); // the client's goodbye after the last statement
        }
        Matcher affected = AFFECTED.matcher(text);
        if (affected.matches()) {
            return ClientScript.Outcome.update(Long.parseLong(affected.group(1)));
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
        String last = lines.remove(lines.size() - 1);
        if (!last.matches("\\d+ rows? in set.*|Empty set.*")) {
            throw new AssertionError("unexpected client output: " + output);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) { // skip the header line
            if (line.isBlank()) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (String field : line.split("\t", -1)) {
                row.add(field.equals("NULL") ? null : unescape(field));
            }
            rows.add(row);
        }
        return ClientScript.Outcome.rows(rows);
    }

    /** Batch mode writes tab, newline, NUL and backslash escaped. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case '0' -> '\0';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

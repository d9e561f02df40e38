package dev.scion.it.cli;

import dev.scion.it.harness.ItConfig;
import dev.scion.it.harness.ScionServerProcess;
import dev.scion.it.harness.JarCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link CliScript} through scion's own command line, each command inside this JVM ({@link InProcessScion})
 * or, when it reads standard input, as a process of the real jar, in a fresh directory with its own SCION_HOME,
 * TZ=UTC and a committer clock that advances one minute per command (so hashes are reproducible). Compares exit
 * code, stdout and stderr line by line with the placeholders of the format.
 */
final class CliScriptRunner implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("<(hash|any|int|date)(?:=(\\w+))?>|\\$\\{(\\w+)}");
    private static final long EPOCH = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private final Path work;
    private final Path home;
    private final Map<String, String> vars = new HashMap<>();
    private int clock;
    private final boolean serverAfterInit;
    /** Steps run inside this JVM ({@link InProcessScion}); -Dscion.it.cliInProcess=false runs each as a process. */
    private static final boolean IN_PROCESS =
            Boolean.parseBoolean(System.getProperty("scion.it.cliInProcess", "true"));
    private ScionServerProcess server;

    CliScriptRunner(Path root) throws IOException {
        this(root, false);
    }

    /**
     * With {@code serverAfterInit}, a sql-server is started on the directory holding the database as soon as
     * {@code scion init} made it, so every later command runs in server mode; the expected output is the same.
     */
    CliScriptRunner(Path root, boolean serverAfterInit) throws IOException {
        this.work = Files.createDirectories(root.resolve("db"));
        this.home = Files.createDirectories(root.resolve("home"));
        this.serverAfterInit = serverAfterInit;
    }

    /** The server of {@code $ server start} or of server mode, if one runs. */
    ScionServerProcess server() {
        return server;
    }

    private void startServer() {
        if (server == null) {
            server = ScionServerProcess.start("cli-" + work.getParent().getFileName(), work.getParent());
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    void run(CliScript script) throws Exception {
        for (CliScript.Step step : script.steps()) {
            String where = script.name() + ":" + step.line();
            if (step.argv().size() == 2 && step.argv().get(0).equals("server")) {
                if (step.argv().get(1).equals("start")) {
                    startServer();
                } else {
                    close();
                }
                continue;
            }
            if (step.writeFile() != null) {
                Files.writeString(work.resolve(step.writeFile()), substitute(step.fileContent()),
                        StandardCharsets.UTF_8);
                continue;
            }
            Path stdin = null;
            List<String> argv = step.argv();
            if (argv.size() >= 3 && argv.get(argv.size() - 2).equals("<")) {
                stdin = work.resolve(argv.get(argv.size() - 1));
                argv = argv.subList(0, argv.size() - 2);
            }
            List<String> args = new ArrayList<>();
            for (String a : argv.subList(1, argv.size())) {
                args.add(substitute(a));
            }
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("SCION_HOME", home.toString());
            env.put("TZ", "UTC");
            env.put("SCION_COMMITTER_DATE", "@" + (EPOCH + 60L * clock++));
            env.remove("NO_COLOR");
            CommandOutput r = stdin == null && IN_PROCESS ? InProcessScion.run(args, work, env)
                    : runJar(args, env, stdin, where, step);
            List<String> out = new ArrayList<>(r.out().lines().toList());
            List<String> err = r.err().lines().toList();
            while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            String shown = "\n--- command: " + String.join(" ", step.argv()) + "\n--- exit " + r.exitCode()
                    + "\n--- stdout:\n" + String.join("\n", out) + "\n--- stderr:\n" + String.join("\n", err);
            if (r.exitCode() != step.exitCode()) {
                throw new AssertionError(where + ": expected exit " + step.exitCode() + shown);
            }
            compare(where + " stdout", step.stdout(), out, shown);
            if (!step.stderr().isEmpty()) {
                compare(where + " stderr", step.stderr(), err, shown);
            }
            if (serverAfterInit && r.exitCode() == 0 && argv.size() >= 2 && argv.get(1).equals("init")) {
                startServer();
            }
        }
    }

    /** The step as a process of the jar, for steps that read standard input (or with in-process steps off). */
    private CommandOutput runJar(List<String> args, Map<String, String> env, Path stdin, String where,
                                         CliScript.Step step) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(JarCommand.shortCommand());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path outFile = Files.createTempFile(work.getParent(), "out", ".txt");
        Path errFile = Files.createTempFile(work.getParent(), "err", ".txt");
        pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(where + ": timed out: " + step.argv());
        }
        return new CommandOutput(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                Files.readString(errFile, StandardCharsets.UTF_8));
    }

    private void compare(String where, List<String> expected, List<String> actual, String shown) {
        if (!matchFrom(expected, 0, actual, 0)) {
            int i = 0;
            while (i < expected.size() && i < actual.size() && !expected.get(i).equals(CliScript.ANY_LINES)
                    && matches(expected.get(i), actual.get(i))) {
                i++;
            }
            throw new AssertionError(where + ": differs at line " + (i + 1) + "\n  expected: "
                    + (i < expected.size() ? expected.get(i) : "(end)") + "\n  actual:   "
                    + (i < actual.size() ? actual.get(i) : "(end)") + "\n--- expected:\n"
                    + String.join("\n", expected) + shown);
        }
    }

    /** Line-by-line match where "..." stands for any run of lines (backtracking over its length). */
    private boolean matchFrom(List<String> exp, int e, List<String> act, int a) {
        if (e == exp.size()) {
            return a == act.size();
        }
        if (exp.get(e).equals(CliScript.ANY_LINES)) {
            for (int skip = a; skip <= act.size(); skip++) {
                Map<String, String> saved = new HashMap<>(vars);
                if (matchFrom(exp, e + 1, act, skip)) {
                    return true;
                }
                vars.clear();
                vars.putAll(saved);
            }
            return false;
        }
        return a < act.size() && matches(exp.get(e), act.get(a)) && matchFrom(exp, e + 1, act, a + 1);
    }

    /** Matches one line against its pattern, binding {@code <hash=name>} captures for later steps. */
    private boolean matches(String pattern, String actual) {
        StringBuilder re = new StringBuilder();
        List<String> binds = new ArrayList<>();
        Matcher m = TOKEN.matcher(pattern);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(pattern.substring(last, m.start())));
            if (m.group(3) != null) {
                String v = vars.get(m.group(3));
                if (v == null) {
                    throw new AssertionError("unbound ${" + m.group(3) + "} in: " + pattern);
                }
                re.append(Pattern.quote(v));
            } else {
                String kind = m.group(1);
                String bind = m.group(2);
                if (bind != null && vars.containsKey(bind)) {
                    re.append(Pattern.quote(vars.get(bind)));
                } else {
                    re.append('(').append(switch (kind) {
                        case "hash" -> "[0-9a-v]{32}";
                        case "int" -> "-?\\d+";
                        case "date" -> "\\w{3} \\w{3} \\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4} [+-]\\d{4}";
                        default -> ".*?";
                    }).append(')');
                    binds.add(bind);
                }
            }
            last = m.end();
        }
        re.append(Pattern.quote(pattern.substring(last)));
        Matcher a = Pattern.compile(re.toString()).matcher(actual);
        if (!a.matches()) {
            return false;
        }
        for (int g = 0; g < binds.size(); g++) {
            if (binds.get(g) != null) {
                vars.put(binds.get(g), a.group(g + 1));
            }
        }
        return true;
    }

    private String substitute(String s) {
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new AssertionError("unbound ${" + m.group(1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

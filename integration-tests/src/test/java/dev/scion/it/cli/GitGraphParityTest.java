package dev.scion.it.cli;

import dev.scion.it.harness.JarCommand;
import dev.scion.it.harness.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code scion log --graph} draws what {@code git log --graph} draws: the same history (same messages, authors
 * and dates, empty commits) is made with git and with scion, and the two logs are compared line by line once the
 * hashes and decorations are blanked out. Git pads graph lines with trailing blanks, Scion leaves them off, so
 * trailing blanks are not compared.
 */
class GitGraphParityTest {
    private static final long EPOCH = 1_767_225_600L; // 2026-01-01T00:00:00Z

    @TempDir
    Path tmp;

    /** One step of a history, run as git and as scion commands. */
    private record Step(List<String> git, List<String> scion) {
        static Step commit(String message) {
            return new Step(List.of("commit", "-q", "--allow-empty", "-m", message),
                    List.of("commit", "--allow-empty", "-m", message));
        }

        static Step newBranch(String name) {
            return new Step(List.of("checkout", "-q", "-b", name), List.of("checkout", "-b", name));
        }

        static Step checkout(String name) {
            return new Step(List.of("checkout", "-q", name), List.of("checkout", name));
        }

        static Step merge(String branch, String message) {
            return new Step(List.of("merge", "-q", "--no-ff", branch, "-m", message),
                    List.of("merge", "--no-ff", branch, "-m", message));
        }
    }

    @Test
    void twoMergesAndTheirForks() throws Exception {
        compare(List.of(Step.commit("base"), Step.newBranch("f1"), Step.commit("f1: change row 2"),
                Step.checkout("main"), Step.commit("main: change row 1"), Step.merge("f1", "Merge f1"),
                Step.newBranch("f2"), Step.commit("f2: add row 4"), Step.checkout("main"),
                Step.commit("main: change row 3"), Step.merge("f2", "Merge f2")));
    }

    @Test
    void aMergeBesideAnotherLine() throws Exception {
        compare(List.of(Step.commit("base"), Step.newBranch("cb"), Step.commit("c"), Step.checkout("main"),
                Step.newBranch("bb"), Step.commit("b"), Step.checkout("main"), Step.commit("a"),
                Step.merge("bb", "m1"), Step.merge("cb", "m2")));
    }

    private void compare(List<Step> steps) throws Exception {
        assumeTrue(hasGit(), "git is not installed");
        Path g = Files.createDirectories(tmp.resolve("git"));
        Path s = Files.createDirectories(tmp.resolve("scion"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        int clock = 0;
        run(g, home, clock, git("init", "-q", "-b", "main"));
        run(g, home, clock, git("commit", "-q", "--allow-empty", "-m", "Initialize data repository"));
        run(s, home, clock, scion("init", "--name", "Ann Tester", "--email", "ann@example.com"));
        run(s, home, clock, scion("config", "--global", "user.name", "Ann Tester"));
        run(s, home, clock, scion("config", "--global", "user.email", "ann@example.com"));
        for (Step step : steps) {
            clock++;
            run(g, home, clock, git(step.git().toArray(String[]::new)));
            run(s, home, clock, scion(step.scion().toArray(String[]::new)));
        }
        for (List<String> view : List.<List<String>>of(List.of("--oneline"), List.of())) {
            List<String> gitArgs = new ArrayList<>(List.of("log", "--graph"));
            gitArgs.addAll(view.isEmpty() ? List.of("--abbrev=7") : List.of("--format=%s"));
            List<String> scionArgs = new ArrayList<>(List.of("log", "--graph"));
            scionArgs.addAll(view);
            String expected = normalise(run(g, home, clock, git(gitArgs.toArray(String[]::new))));
            String actual = normalise(run(s, home, clock, scion(scionArgs.toArray(String[]::new))));
            assertEquals(expected, actual, "log --graph " + String.join(" ", view));
        }
    }

    /** Hashes (git's hex, Scion's base32) and ref decorations blanked, trailing blanks dropped. */
    private static String normalise(String log) {
        return Arrays.stream(log.split("\n"))
                .map(l -> l.replaceAll("\\b[0-9a-v]{32}\\b|\\b[0-9a-f]{40}\\b|\\b[0-9a-f]{7}\\b", "H")
                        .replaceAll("^([^A-Za-z]*)H (\\([^)]*\\) )?", "$1")
                        .replaceAll("(commit H) \\([^)]*\\)", "$1")
                        .stripTrailing())
                .collect(Collectors.joining("\n"));
    }

    private static List<String> git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Ann Tester", "-c",
                "user.email=ann@example.com", "-c", "log.decorate=no", "-c", "color.ui=never"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static List<String> scion(String... args) {
        List<String> cmd = new ArrayList<>(JarCommand.shortCommand());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static boolean hasGit() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a command at the history's clock (one minute a step) and returns its stdout; fails on exit != 0. */
    private static String run(Path dir, Path home, int clock, List<String> cmd) throws Exception {
        String date = "@" + (EPOCH + 60L * clock);
        Map<String, String> env = Map.of("SCION_HOME", home.toString(), "SCION_COMMITTER_DATE", date,
                "SCION_AUTHOR_DATE", date, "GIT_AUTHOR_DATE", date + " +0000", "GIT_COMMITTER_DATE", date + " +0000",
                "HOME", home.toString(), "TZ", "UTC", "GIT_CONFIG_NOSYSTEM", "1");
        Programs.Result r = new Programs(env, home).result(dir, cmd, null);
        if (r.exit() != 0) {
            throw new AssertionError(cmd + " exited " + r.exit() + ":\n" + r.out() + r.err());
        }
        return r.out();
    }
}

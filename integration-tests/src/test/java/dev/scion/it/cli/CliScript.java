package dev.scion.it.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CLI scenario file: steps of {@code $ <command line>} followed by the expected output. See the README
 * section "CLI scenarios" for the format.
 */
record CliScript(String name, List<Step> steps) {
    /** An expected line that stands for any number of actual lines. */
    static final String ANY_LINES = "...";

    /** One step: a command (or a file to write), its expected stdout and stderr lines and exit code. */
    record Step(int line, List<String> argv, String writeFile, String fileContent, List<String> stdout,
                List<String> stderr, int exitCode, boolean anyOutput) {
    }

    static CliScript parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                i++;
                continue;
            }
            if (!l.startsWith("$ ")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected '$ command', found: " + l);
            }
            int at = i + 1;
            String cmd = l.substring(2);
            i++;
            if (cmd.startsWith("write ")) {
                String[] parts = cmd.split("\\s+");
                if (parts.length != 3 || !parts[2].startsWith("<<")) {
                    throw new IllegalArgumentException(file + ":" + at + ": use '$ write <file> <<END'");
                }
                String end = parts[2].substring(2);
                StringBuilder content = new StringBuilder();
                while (i < lines.size() && !lines.get(i).equals(end)) {
                    content.append(lines.get(i)).append('\n');
                    i++;
                }
                i++;
                steps.add(new Step(at, List.of(), parts[1], content.toString(), List.of(), List.of(), 0, false));
                continue;
            }
            List<String> out = new ArrayList<>();
            List<String> err = new ArrayList<>();
            int code = 0;
            boolean any = false;
            while (i < lines.size() && !lines.get(i).startsWith("$ ")) {
                String e = lines.get(i);
                if (e.startsWith("? ")) {
                    code = Integer.parseInt(e.substring(2).trim());
                } else if (e.equals("...")) {
                    out.add(ANY_LINES);
                } else if (e.startsWith("2> ")) {
                    err.add(e.substring(3).equals("...") ? ANY_LINES : e.substring(3));
                } else if (e.equals("2>")) {
                    err.add("");
                } else if (e.startsWith("# ")) {
                    // comment between expectations
                } else {
                    out.add(e.startsWith("| ") || e.startsWith("|") ? e : e.startsWith("\\") ? e.substring(1) : e);
                }
                i++;
            }
            while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            steps.add(new Step(at, split(cmd, file, at), null, null, out, err, code, any));
        }
        return new CliScript(file.getFileName().toString(), steps);
    }

    /** Shell-like word splitting: single and double quotes group, backslash escapes inside double quotes. */
    static List<String> split(String s, Path file, int line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(file + ":" + line + ": unterminated quote");
        }
        if (inWord) {
            out.add(cur.toString());
        }
        boolean serverStep = out.size() == 2 && out.get(0).equals("server")
                && (out.get(1).equals("start") || out.get(1).equals("stop"));
        if (!serverStep && (out.isEmpty() || !out.get(0).equals("scion"))) {
            throw new IllegalArgumentException(file + ":" + line
                    + ": commands must start with 'scion' (or be 'server start' / 'server stop')");
        }
        return out;
    }
}

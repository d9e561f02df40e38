package dev.scion.cli.command;

import dev.scion.cli.support.Terminal;
import dev.scion.cli.support.Workspace;
import dev.scion.storage.Hash;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ref names to print next to commits in log and show: "HEAD -> main, tag: v1, feature". */
final class Decorations {
    private final Map<Hash, List<String>> names = new HashMap<>();
    private final Terminal term;

    /** For the workspace's HEAD: "HEAD -> branch", or a bare "HEAD" on the commit it is detached at. */
    Decorations(Workspace ws, Terminal term) {
        this(ws.repo(), ws.branch(), ws.detached().orElse(null), term);
    }

    Decorations(Repository repo, String current, Hash detached, Terminal term) {
        this.term = term;
        if (detached != null) {
            add(detached, term.cyan("HEAD"));
        } else {
            repo.branchHead(current).ifPresent(h -> add(h, term.cyan("HEAD -> ") + term.green(current)));
        }
        for (String b : repo.branches()) {
            if (!b.equals(current)) {
                repo.branchHead(b).ifPresent(h -> add(h, term.green(b)));
            }
        }
        for (String t : repo.tags()) {
            repo.tagTarget(t).ifPresent(h -> add(h, term.yellow("tag: " + t)));
        }
    }

    private void add(Hash h, String name) {
        names.computeIfAbsent(h, k -> new ArrayList<>()).add(name);
    }

    String of(Hash h) {
        List<String> n = names.get(h);
        return n == null ? "" : " " + term.yellow("(") + String.join(term.yellow(", "), n) + term.yellow(")");
    }
}

package dev.scion.cli.command;

import dev.scion.storage.Hash;

import java.util.ArrayList;
import java.util.List;

/**
 * A small version of git's --graph: one lane per line of history still to be printed. Each commit takes its
 * lane (or a new one), is drawn as '*', and its lane then waits for its first parent; further parents open new
 * lanes, and lanes waiting for the same commit join.
 */
final class GraphLanes {
    private final List<Hash> lanes = new ArrayList<>();

    /** Lines to print before the commit, prefixes for its text lines, and connector lines after them. */
    record Drawn(List<String> before, List<String> prefixes, List<String> after) {
    }

    Drawn draw(Hash commit, List<Hash> parents, int textLines) {
        int col = lanes.indexOf(commit);
        if (col < 0) {
            lanes.add(commit);
            col = lanes.size() - 1;
        }
        List<String> pre = new ArrayList<>();
        List<String> out = new ArrayList<>();
        List<String> post = new ArrayList<>();
        // lanes that were also waiting for this commit fold into its lane first: "|/"
        for (int i = lanes.size() - 1; i > col; i--) {
            if (commit.equals(lanes.get(i))) {
                pre.add(joinLine(i));
                lanes.remove(i);
            }
        }
        out.add(row(col, '|'));
        int before = lanes.size();
        if (parents.isEmpty()) {
            lanes.set(col, null);
        } else {
            lanes.set(col, parents.get(0));
            for (int p = 1; p < parents.size(); p++) {
                if (!lanes.contains(parents.get(p))) {
                    lanes.add(parents.get(p));
                }
            }
        }
        for (int i = 1; i < textLines; i++) {
            out.add(row(-1, '|'));
        }
        if (lanes.size() > before) {
            String connector = connector(col, before);
            if (textLines > 1) {
                // as git: the fork is drawn beside the commit's second line ("|\  Merge: ...")
                int width = lanes.size() * 2;
                out.set(1, connector + " ".repeat(Math.max(1, width - connector.length())));
            } else {
                post.add(connector);
            }
        }
        while (!lanes.isEmpty() && lanes.get(lanes.size() - 1) == null) {
            lanes.remove(lanes.size() - 1);
        }
        return new Drawn(pre, out, post);
    }

    private String row(int star, char other) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lanes.size(); i++) {
            sb.append(i == star ? '*' : lanes.get(i) == null ? ' ' : other).append(' ');
        }
        return sb.toString();
    }

    /** "|\" for a merge opening new lanes to the right. */
    private String connector(int col, int firstNew) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < firstNew; i++) {
            sb.append(lanes.get(i) == null ? ' ' : '|').append(' ');
        }
        sb.setLength(Math.max(0, sb.length() - 1));
        for (int i = firstNew; i < lanes.size(); i++) {
            sb.append('\\').append(' ');
        }
        return sb.toString();
    }

    /** "|/" for lane {@code i} folding into the lane to its left. */
    private String joinLine(int i) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < i; k++) {
            sb.append(lanes.get(k) == null ? ' ' : '|').append(' ');
        }
        sb.setLength(Math.max(0, sb.length() - 1));
        sb.append('/');
        return sb.toString();
    }
}

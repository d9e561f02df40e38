package dev.scion.cli.command;

import dev.scion.storage.Hash;

import java.util.ArrayList;
import java.util.List;

/**
 * git's --graph for the shapes history usually has: one lane per line of history still to be printed. A commit
 * takes its lane (or a new one at the right) and is drawn as '*'; its lane then waits for its first parent,
 * further parents open lanes to the right ("|\"), and lanes left waiting for the same commit join at once
 * ("|/"). As in git, such a transition is drawn beside the commit's second text line when it has one, else on a
 * line of its own, and every line of a commit is padded to the widest lane count around it, so the text of a
 * merge ("*   Merge ...") lines up with the lanes it opens. Lanes are only ever added at the right, where git
 * would squeeze a merge's new lane next to it: the drawings differ only when lanes already run to a merge's right.
 */
final class GraphLanes {
    private final List<Hash> lanes = new ArrayList<>();

    /** Prefixes for the commit's text lines, and transition lines left over after them (one-line commits). */
    record Drawn(List<String> prefixes, List<String> after) {
    }

    Drawn draw(Hash commit, List<Hash> parents, int textLines) {
        int col = lanes.indexOf(commit);
        if (col < 0) {
            lanes.add(commit);
            col = lanes.size() - 1;
        }
        int widest = lanes.size();
        Hash firstParent = parents.isEmpty() ? null : parents.get(0);
        String commitRow = commitRow(col, firstParent);
        List<String> transitions = new ArrayList<>();
        lanes.set(col, firstParent);
        // as git: a merge's further parents take lanes right beside it, pushing the lanes to its right over
        int opened = 0;
        for (int p = 1; p < parents.size(); p++) {
            if (!lanes.contains(parents.get(p))) {
                lanes.add(col + 1 + opened, parents.get(p));
                opened++;
            }
        }
        if (opened > 0) {
            transitions.add(fork(col));
        }
        widest = Math.max(widest, lanes.size());
        // lanes now waiting for a commit another lane to their left waits for too fold into it
        boolean endsJoined = false;
        for (int i = lanes.size() - 1; i > 0; i--) {
            Hash h = lanes.get(i);
            if (h != null && lanes.indexOf(h) < i) {
                transitions.add(join(i));
                lanes.remove(i);
                endsJoined = true;
            }
        }
        while (!lanes.isEmpty() && lanes.get(lanes.size() - 1) == null) {
            lanes.remove(lanes.size() - 1);
        }
        int width = widest * 2;
        List<String> prefixes = new ArrayList<>();
        prefixes.add(pad(commitRow, width));
        List<String> after = new ArrayList<>();
        for (String t : transitions) {
            (prefixes.size() < textLines ? prefixes : after).add(pad(t, width));
        }
        // a join is the line just above the next commit only when no text line of this one follows it
        joinedLast = endsJoined && prefixes.size() >= textLines;
        while (prefixes.size() < textLines) {
            prefixes.add(pad(row(-1), width));
        }
        return new Drawn(prefixes, after);
    }

    /**
     * Whether the line printed last was a join ("|/"): git then draws a lane right of the next commit that is
     * still on its way left, waiting for that commit's own parent, as '/' on the commit's line ("* / a").
     */
    private boolean joinedLast;

    private String commitRow(int col, Hash firstParent) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lanes.size(); i++) {
            Hash h = lanes.get(i);
            char c = i == col ? '*' : h == null ? ' '
                    : joinedLast && i > col && h.equals(firstParent) ? '/' : '|';
            sb.append(c).append(' ');
        }
        return sb.toString();
    }

    /** The lanes as they stand between two commits (git's separator line of the multi-line format). */
    String padding() {
        return row(-1);
    }

    private String row(int star) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lanes.size(); i++) {
            sb.append(i == star ? '*' : lanes.get(i) == null ? ' ' : '|').append(' ');
        }
        return sb.toString();
    }

    /** "|\\" for a merge at {@code col} whose new lanes (and every lane right of them) move right. */
    private String fork(int col) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < col; i++) {
            sb.append(lanes.get(i) == null ? ' ' : '|').append(' ');
        }
        sb.append('|');
        for (int i = col + 1; i < lanes.size(); i++) {
            // each lane right of the merge is drawn half a column left of where it lands: on its way right
            sb.append(i == col + 1 ? "" : " ").append(lanes.get(i) == null ? ' ' : '\\');
        }
        return sb.toString();
    }

    /** "|/" for lane {@code i} folding into a lane to its left. */
    private String join(int i) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < i; k++) {
            sb.append(lanes.get(k) == null ? ' ' : '|').append(' ');
        }
        sb.setLength(Math.max(0, sb.length() - 1));
        sb.append('/');
        for (int k = i + 1; k < lanes.size(); k++) {
            sb.append(lanes.get(k) == null ? "  " : " /");
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}

package dev.scion.cli.command;

import dev.scion.storage.Hash;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GraphLanesTest {
    private static Hash h(String s) {
        return Hash.of(s.getBytes());
    }

    private static void draw(GraphLanes g, List<String> out, String name, Hash self, Hash... parents) {
        GraphLanes.Drawn d = g.draw(self, List.of(parents), 1);
        d.before().forEach(l -> out.add(l.stripTrailing()));
        out.add((d.prefixes().get(0) + name).stripTrailing());
        d.after().forEach(l -> out.add(l.stripTrailing()));
    }

    @Test
    void aMergeOpensALaneThatJoinsAtTheForkPoint() {
        Hash base = h("base");
        Hash left = h("left");
        Hash right = h("right");
        Hash merge = h("merge");
        GraphLanes g = new GraphLanes();
        List<String> out = new ArrayList<>();
        draw(g, out, "merge", merge, left, right);
        draw(g, out, "left", left, base);
        draw(g, out, "right", right, base);
        draw(g, out, "base", base);
        assertEquals(List.of("* merge", "|\\", "* | left", "| * right", "|/", "* base"), out);
    }

    @Test
    void linearHistoryIsOneLane() {
        GraphLanes g = new GraphLanes();
        List<String> out = new ArrayList<>();
        draw(g, out, "c2", h("2"), h("1"));
        draw(g, out, "c1", h("1"));
        assertEquals(List.of("* c2", "* c1"), out);
    }

    @Test
    void aMergeWithSeveralTextLinesForksBesideItsSecondLine() {
        Hash base = h("base");
        Hash left = h("left");
        Hash right = h("right");
        GraphLanes g = new GraphLanes();
        GraphLanes.Drawn merge = g.draw(h("merge"), List.of(left, right), 3);
        assertEquals(List.of(), merge.before());
        assertEquals(List.of("* ", "|\\  ", "| | "), merge.prefixes());
        assertEquals(List.of(), merge.after(), "the fork is not repeated after the text");
        GraphLanes.Drawn l = g.draw(left, List.of(base), 2);
        assertEquals(List.of("* | ", "| | "), l.prefixes());
    }

    @Test
    void twoMergesInARowEachForkAndJoin() {
        Hash base = h("base");
        Hash f1 = h("f1");
        Hash m1Left = h("m1-left");
        Hash merge1 = h("merge1");
        Hash f2 = h("f2");
        Hash m2Left = h("m2-left");
        Hash merge2 = h("merge2");
        GraphLanes g = new GraphLanes();
        List<String> out = new ArrayList<>();
        draw(g, out, "merge2", merge2, m2Left, f2);
        draw(g, out, "m2-left", m2Left, merge1);
        draw(g, out, "f2", f2, merge1);
        draw(g, out, "merge1", merge1, m1Left, f1);
        draw(g, out, "m1-left", m1Left, base);
        draw(g, out, "f1", f1, base);
        draw(g, out, "base", base);
        assertEquals(List.of("* merge2", "|\\", "* | m2-left", "| * f2", "|/", "* merge1", "|\\", "* | m1-left",
                "| * f1", "|/", "* base"), out);
    }
}

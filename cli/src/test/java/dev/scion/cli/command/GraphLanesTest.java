package dev.scion.cli.command;

import dev.scion.storage.Hash;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The expected drawings are git's (git log --graph --oneline over the same shapes), trailing blanks left off. */
class GraphLanesTest {
    private static Hash h(String s) {
        return Hash.of(s.getBytes());
    }

    private static void draw(GraphLanes g, List<String> out, String name, Hash self, Hash... parents) {
        GraphLanes.Drawn d = g.draw(self, List.of(parents), 1);
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
        draw(g, out, "right", right, base);
        draw(g, out, "left", left, base);
        draw(g, out, "base", base);
        assertEquals(List.of("*   merge", "|\\", "| * right", "* | left", "|/", "* base"), out);
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
    void transitionsGoBesideTheSecondTextLineAndLinesArePaddedToTheWidestLanes() {
        Hash base = h("base");
        Hash left = h("left");
        Hash right = h("right");
        GraphLanes g = new GraphLanes();
        GraphLanes.Drawn merge = g.draw(h("merge"), List.of(left, right), 3);
        assertEquals(List.of("*   ", "|\\  ", "| | "), merge.prefixes());
        assertEquals(List.of(), merge.after(), "the fork is not repeated after the text");
        assertEquals("| | ", g.padding());
        assertEquals(List.of("| * ", "| | "), g.draw(right, List.of(base), 2).prefixes());
        GraphLanes.Drawn l = g.draw(left, List.of(base), 3);
        assertEquals(List.of("* | ", "|/  ", "|   "), l.prefixes(), "the join goes beside the second line");
        assertEquals("| ", g.padding());
    }

    @Test
    void aMergeBesideAnotherLanePushesItRight() {
        Hash base = h("base");
        GraphLanes g = new GraphLanes();
        List<String> out = new ArrayList<>();
        draw(g, out, "m2", h("m2"), h("m1"), h("c"));
        draw(g, out, "c", h("c"), base);
        draw(g, out, "m1", h("m1"), h("a"), h("b"));
        draw(g, out, "b", h("b"), base);
        draw(g, out, "a", h("a"), base);
        draw(g, out, "base", base);
        assertEquals(List.of("*   m2", "|\\", "| * c", "* |   m1", "|\\ \\", "| * | b", "| |/", "* / a", "|/",
                "* base"), out);
    }
}

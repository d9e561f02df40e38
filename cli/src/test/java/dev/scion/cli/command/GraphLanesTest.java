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
}

package org.lumaflow.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.graph.GraphException;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.tests.support.Fixture;

class GraphValidationTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> problems(Graph g) {
        return assertThrows(GraphException.class, () -> fx.engine.compile(g, null)).problems();
    }

    private static boolean any(List<String> problems, String... parts) {
        return problems.stream().anyMatch(p -> {
            for (String s : parts) {
                if (!p.contains(s)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void unknownTypeNamesTheMissingPlugin() {
        Graph g = new Graph();
        g.add(new GraphNode("glow", "acme.glow").plugin("com.acme.glow"));
        g.output("glow");
        List<String> p = problems(g);
        assertTrue(any(p, "unknown node type 'acme.glow'", "node 'glow'", "plugin 'com.acme.glow'", "not installed"), p.toString());
    }

    @Test
    void unknownTypeWithoutPluginNamesTheNamespace() {
        Graph g = new Graph();
        g.add("a", "acme.glow");
        g.add("b", "core.gradeX");
        g.output("a");
        List<String> p = problems(g);
        assertTrue(any(p, "no installed plugin provides namespace 'acme'"), p.toString());
        assertTrue(any(p, "core.gradeX", "namespace 'core' has only"), p.toString());
    }

    @Test
    void cycleIsNamed() {
        Graph g = new Graph();
        g.add("src", "core.solid");
        g.add("a", "test.invert");
        g.add("b", "core.grade");
        g.add("out", "core.blend");
        g.connect("b", "a", "source").connect("a", "b", "source");
        g.connect("src", "out", "background").connect("b", "out", "foreground");
        g.output("out");
        List<String> p = problems(g);
        assertTrue(any(p, "cycle: ", "a -> b -> a") || any(p, "cycle: ", "b -> a -> b"), p.toString());
    }

    @Test
    void typeMismatchIsNamed() {
        Graph g = new Graph();
        g.add("mask", "test.mask_source");
        g.add("inv", "test.invert");
        g.connect("mask", "inv", "source");
        g.output("inv");
        List<String> p = problems(g);
        assertTrue(any(p, "type mismatch", "mask (test.mask_source) outputs MASK", "inv.source expects IMAGE"), p.toString());
    }

    @Test
    void missingInputsPortsAndOutput() {
        Graph g = new Graph();
        g.add("inv", "test.invert");
        g.add("s", "core.solid");
        g.connect("s", "inv", "nope");
        List<String> p = problems(g);
        assertTrue(any(p, "node 'inv' (test.invert) needs input 'source'"), p.toString());
        assertTrue(any(p, "has no input 'nope'"), p.toString());
        assertTrue(any(p, "no output node"), p.toString());
    }

    @Test
    void badParametersAreNamed() {
        Graph g = new Graph();
        g.add("s", "core.solid").set("colour", "#ff0000");
        g.add("g", "core.grade").set("saturation", 99.0).set("exposure", "bright");
        g.connect("s", "g", "source");
        g.output("g");
        List<String> p = problems(g);
        assertTrue(any(p, "parameter s.colour (core.solid) does not exist"), p.toString());
        assertTrue(any(p, "parameter g.saturation", "outside"), p.toString());
        assertTrue(any(p, "parameter g.exposure", "expects a number"), p.toString());
        assertEquals(3, p.size(), p.toString());
    }

    @Test
    void missingPluginIsTheOnlyProblemNotItsConsumers() {
        // a clip whose source comes from a plugin that is not installed, graded: one root cause, no "needs input"
        Graph g = new Graph();
        g.add(new GraphNode("src", "acme.glow").plugin("com.acme.glow"));
        g.add("g", "core.grade").set("exposure", 0.5);
        g.connect("src", "g", "source").output("g");
        List<String> p = problems(g);
        assertEquals(1, p.size(), p.toString());
        assertTrue(any(p, "unknown node type 'acme.glow'", "plugin 'com.acme.glow'", "not installed"), p.toString());
    }

    @Test
    void colourFormsOfTheProjectFormat() throws GraphException {
        // docs/project-format.md: "#RRGGBB", "#RRGGBBAA", [r, g, b] and [r, g, b, a] in 0..1
        Graph ok = new Graph();
        ok.add("a", "core.solid").set("color", List.of(1.0, 0.5, 0.0));
        ok.add("b", "core.solid").set("color", List.of(1.0, 0.5, 0.0, 0.25));
        ok.add("c", "core.solid").set("color", "#FF8000");
        ok.add("d", "core.solid").set("color", "#FF800040");
        for (String id : List.of("a", "b", "c", "d")) {
            fx.engine.compile(ok.output(id), null);
        }
        Graph hex = new Graph();
        hex.add("s", "core.solid").set("color", "#FF80");
        hex.output("s");
        assertTrue(any(problems(hex), "parameter s.color (core.solid)", "not a colour: '#FF80'", "#RRGGBBAA"));
        Graph eight = new Graph(); // 0..255 arrays are a mistake, named
        eight.add("s", "core.solid").set("color", List.of(255.0, 128.0, 0.0));
        eight.output("s");
        assertTrue(any(problems(eight), "parameter s.color (core.solid)", "colour component 255 of [255.0, 128.0, 0.0] "
                + "is outside 0..1", "#RRGGBB"), problems(eight).toString());
        Graph gain = new Graph(); // a factor colour has its own range
        gain.add("s", "core.solid");
        gain.add("g", "core.grade").set("gain", List.of(1.0, 0.95, 1.1, 1.0));
        gain.connect("s", "g", "source").output("g");
        fx.engine.compile(gain, null);
        gain.node("g").set("gain", List.of(5.0, 1.0, 1.0));
        assertTrue(any(problems(gain), "parameter g.gain (core.grade)", "outside 0..4"));
        Graph two = new Graph();
        two.add("s", "core.solid").set("color", List.of(1.0, 0.5));
        two.output("s");
        assertTrue(any(problems(two), "parameter s.color (core.solid)", "expects a colour"));
    }

    @Test
    void validGraphCompilesAndDropsUnreachableNodes() throws GraphException {
        Graph g = new Graph();
        g.add("s", "core.solid").set("color", "#102030");
        g.add("unused", "core.checker");
        g.add("inv", "test.invert");
        g.connect("s", "inv", "source").output("inv");
        assertEquals(List.of("s", "inv"), fx.engine.compile(g, null).order());
    }
}

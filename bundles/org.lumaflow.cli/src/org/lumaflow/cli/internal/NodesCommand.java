package org.lumaflow.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.registry.NodeRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code lumaflow nodes}: lists registered node types with their ports and parameters. */
@Component(service = CliCommand.class)
public final class NodesCommand implements CliCommand {

    private NodeRegistry registry;

    /** For DS. */
    public NodesCommand() {
    }

    /** Outside OSGi. */
    public NodesCommand(NodeRegistry registry) {
        this.registry = registry;
    }

    @Reference
    void setRegistry(NodeRegistry r) {
        this.registry = r;
    }

    @Override
    public String name() {
        return "nodes";
    }

    @Override
    public String summary() {
        return "list registered node types with their inputs and parameters";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow nodes [ID-PREFIX] [--json]
                  ID-PREFIX   only node types whose id starts with it (e.g. core.grade)
                  --json      machine-readable output""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of(), Set.of("json"));
        if (a.positionals.size() > 1) {
            throw new UsageException("expected at most one id prefix");
        }
        String prefix = a.positionals.isEmpty() ? "" : a.positionals.get(0);
        List<NodeDescriptor> list = registry.descriptors().stream().filter(d -> d.id().startsWith(prefix)).toList();
        var plugins = registry.snapshot().plugins();
        if (a.flag("json")) {
            json(list, plugins, out);
            return 0;
        }
        if (list.isEmpty()) {
            err.println("lumaflow nodes: no node type matches '" + prefix + "'");
            return 1;
        }
        for (NodeDescriptor d : list) {
            out.printf(Locale.ROOT, "%s  %s  [%s]  (plugin %s)%n", d.id(), d.displayName(), d.category(),
                    plugins.get(d.id()));
            out.println("    " + d.description());
            for (PortSpec p : d.inputs()) {
                out.printf(Locale.ROOT, "    input  %-12s %-6s %s%s%n", p.name(), p.type(),
                        p.optional() ? "(optional) " : "", p.description());
            }
            out.printf(Locale.ROOT, "    output %s%n", d.output());
            for (ParamSpec p : d.params()) {
                out.printf(Locale.ROOT, "    param  %-14s %-6s default %s%s%s  %s%n", p.name(),
                        p.type().name().toLowerCase(Locale.ROOT), show(p.defaultValue()), range(p),
                        p.unit().isEmpty() ? "" : " " + p.unit(), p.description());
            }
        }
        out.println(list.size() + " node type(s)");
        return 0;
    }

    private static String range(ParamSpec p) {
        if (p.type() == ParamType.FLOAT || p.type() == ParamType.INT) {
            return " [" + num(p.min()) + ".." + num(p.max()) + "]";
        }
        if (p.type() == ParamType.CHOICE) {
            return " " + p.choices();
        }
        return "";
    }

    private static String show(Object v) {
        if (v instanceof Color c) {
            return c.toHex();
        }
        if (v instanceof Point2 pt) {
            return "(" + num(pt.x()) + ", " + num(pt.y()) + ")";
        }
        if (v instanceof Double d) {
            return num(d);
        }
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e12 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void json(List<NodeDescriptor> list, java.util.Map<String, String> plugins, PrintStream out)
            throws java.io.IOException {
        JsonFactory f = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator g = f.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (NodeDescriptor d : list) {
                g.writeStartObject();
                g.writeStringField("id", d.id());
                g.writeStringField("name", d.displayName());
                g.writeStringField("category", d.category());
                g.writeStringField("description", d.description());
                g.writeStringField("plugin", plugins.get(d.id()));
                g.writeStringField("output", d.output().name());
                g.writeArrayFieldStart("inputs");
                for (PortSpec p : d.inputs()) {
                    g.writeStartObject();
                    g.writeStringField("name", p.name());
                    g.writeStringField("type", p.type().name());
                    g.writeBooleanField("optional", p.optional());
                    g.writeStringField("description", p.description());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("params");
                for (ParamSpec p : d.params()) {
                    g.writeStartObject();
                    g.writeStringField("name", p.name());
                    g.writeStringField("type", p.type().name().toLowerCase(Locale.ROOT));
                    g.writeStringField("default", show(p.defaultValue()));
                    if (p.type() == ParamType.FLOAT || p.type() == ParamType.INT) {
                        g.writeNumberField("min", p.min());
                        g.writeNumberField("max", p.max());
                    }
                    if (!p.choices().isEmpty()) {
                        g.writeArrayFieldStart("choices");
                        for (String c : p.choices()) {
                            g.writeString(c);
                        }
                        g.writeEndArray();
                    }
                    g.writeStringField("unit", p.unit());
                    g.writeBooleanField("animatable", p.type().animatable());
                    g.writeStringField("description", p.description());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
    }
}

package org.lumaflow.engine.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.registry.PixelConverter;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Whiteboard registry of {@link PixelConverter} services; guarded binds, highest ranking wins per format pair. */
@Component(service = ConverterRegistry.class, immediate = true)
public final class ConverterRegistryImpl implements ConverterRegistry {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.engine.registry");

    private record Entry(PixelConverter converter, PixelFormat from, PixelFormat to, int ranking) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** DS bind. */
    @Reference(service = PixelConverter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addConverter(PixelConverter c, Map<String, Object> props) {
        Object rank = props.get(Constants.SERVICE_RANKING);
        register(c, rank instanceof Integer i ? i : 0);
    }

    /** DS unbind. */
    void removeConverter(PixelConverter c) {
        entries.removeIf(e -> e.converter == c);
    }

    /** Registers a converter (used directly outside OSGi); false, after logging why, if it is broken. */
    public boolean register(PixelConverter c, int ranking) {
        try {
            PixelFormat from = c.from();
            PixelFormat to = c.to();
            if (from == null || to == null) {
                throw new IllegalStateException("from()/to() returned null");
            }
            entries.add(new Entry(c, from, to, ranking));
            return true;
        } catch (Throwable t) {
            LOG.log(Level.ERROR, "skipping pixel converter " + c.getClass().getName() + ": " + t, t);
            return false;
        }
    }

    @Override
    public PixelConverter find(PixelFormat from, PixelFormat to) {
        Entry best = null;
        for (Entry e : entries) {
            if (e.from == from && e.to == to && (best == null || e.ranking > best.ranking)) {
                best = e;
            }
        }
        return best == null ? null : best.converter;
    }

    @Override
    public List<PixelConverter> all() {
        List<PixelConverter> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.converter);
        }
        return out;
    }
}

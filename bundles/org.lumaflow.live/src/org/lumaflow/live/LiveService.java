package org.lumaflow.live;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Starts live sessions (an OSGi service). */
@ProviderType
public interface LiveService {

    /** Every source the registered providers find now, by kind. */
    List<SourceInfo> listSources();

    /**
     * Opens the sources and outputs and starts the stages.
     *
     * @throws LiveException naming the source, output or effects file that cannot be used (nothing is left open)
     */
    LiveSession start(LiveConfig config, LiveListener listener) throws LiveException;
}

package org.lumaflow.extensions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The extensions installed from the {@code dropins/} folder, as an OSGi service. A jar copied into the folder is
 * installed and started, a replaced jar updated, a deleted jar uninstalled (with a refresh, so nothing keeps using
 * its classes); this service does the same on request. The folder is {@code -Dlumaflow.dropins=DIR}, else
 * {@code dropins/} in the product's install area.
 */
@ProviderType
public interface ExtensionService {

    /** The watched folder. */
    Path dropins();

    /** Every extension: the jars in the folder and the bundles installed from them, sorted by symbolic name. */
    List<Extension> extensions();

    /**
     * Copies {@code jar} into the folder (atomically: a temporary file renamed into place, replacing a jar of the same
     * bundle) and installs, updates and starts it at once. Returns the resulting extension, whose {@code errors} say
     * what failed (not a bundle, unresolved imports, start failure).
     *
     * @throws IOException when the jar cannot be read or copied
     */
    Extension install(Path jar) throws IOException;

    /**
     * Deletes the jar of extension {@code symbolicName} from the folder and uninstalls its bundle. Returns false when
     * no such extension is installed from the folder.
     *
     * @throws IOException when the jar cannot be deleted
     */
    boolean uninstall(String symbolicName) throws IOException;

    /**
     * Adds a listener, called (on a service thread) after the extension list or anything it reports changed:
     * installs, updates, removals, registrations, failures.
     */
    void addListener(Runnable listener);

    /** Removes a listener. */
    void removeListener(Runnable listener);
}

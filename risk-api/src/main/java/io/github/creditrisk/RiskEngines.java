package io.github.creditrisk;

import io.github.creditrisk.spi.RiskEngineProvider;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds an engine on the class path and creates it.
 *
 * <p>Engines are discovered with {@link ServiceLoader} as {@link RiskEngineProvider}s. The choice is made
 * in this order:
 * <ol>
 *   <li>the name given to {@link #create(String, EngineSettings)};</li>
 *   <li>the system property {@value #ENGINE_PROPERTY};</li>
 *   <li>the only provider found.</li>
 * </ol>
 * There is deliberately no fallback: finding no provider, several providers without a choice, or not
 * finding the one named is an {@link EngineDiscoveryException} listing what was found. A credit decision
 * without an engine is an error, never a silent no-op.
 *
 * <p>Thread-safe; every call discovers afresh.
 */
public final class RiskEngines {

    /** The system property that names the engine to use when several are on the class path. */
    public static final String ENGINE_PROPERTY = "creditrisk.engine";

    private RiskEngines() {
    }

    /** The engine found on the class path, with the bundled rules. */
    public static RiskEngine create() {
        return create(EngineSettings.defaults());
    }

    /** The engine found on the class path, built with {@code settings}. */
    public static RiskEngine create(EngineSettings settings) {
        return create(null, settings);
    }

    /**
     * The engine called {@code name} (or, when {@code name} is {@code null}, the one chosen as described in
     * the class documentation), built with {@code settings}.
     *
     * @throws EngineDiscoveryException when no engine can be chosen
     * @throws RuleCompilationException when the engine's rules do not compile
     */
    public static RiskEngine create(@Nullable String name, EngineSettings settings) {
        return provider(name, Thread.currentThread().getContextClassLoader()).create(settings);
    }

    /**
     * The provider chosen among those {@code loader} can see.
     *
     * @param name the engine's name, or {@code null} to use the system property or the only provider
     * @throws EngineDiscoveryException when no provider can be chosen
     */
    public static RiskEngineProvider provider(@Nullable String name, ClassLoader loader) {
        List<RiskEngineProvider> found = new ArrayList<>();
        ServiceLoader.load(RiskEngineProvider.class, loader).forEach(found::add);
        String requested = name != null ? name : System.getProperty(ENGINE_PROPERTY);
        return choose(found, requested);
    }

    static RiskEngineProvider choose(List<RiskEngineProvider> found, @Nullable String requested) {
        if (requested != null && !requested.isBlank()) {
            List<RiskEngineProvider> named = found.stream()
                    .filter(p -> p.name().equalsIgnoreCase(requested.strip())).toList();
            if (named.size() == 1) {
                return named.get(0);
            }
            throw new EngineDiscoveryException(named.isEmpty()
                    ? "no risk engine named '" + requested + "' is on the class path; found " + describe(found)
                    : "several risk engines are named '" + requested + "': " + describe(named));
        }
        if (found.isEmpty()) {
            throw new EngineDiscoveryException("no risk engine is on the class path; add an engine such as"
                    + " io.github.creditrisk:risk-drools to the dependencies (providers are found through"
                    + " META-INF/services/" + RiskEngineProvider.class.getName() + ")");
        }
        if (found.size() > 1) {
            throw new EngineDiscoveryException("several risk engines are on the class path: " + describe(found)
                    + "; choose one by name, or with -D" + ENGINE_PROPERTY + "=NAME");
        }
        return found.get(0);
    }

    private static String describe(List<RiskEngineProvider> providers) {
        if (providers.isEmpty()) {
            return "none";
        }
        return providers.stream()
                .map(p -> "'" + p.name() + "' (" + p.getClass().getName() + ")")
                .collect(Collectors.joining(", "));
    }
}

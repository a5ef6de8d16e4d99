package io.github.creditrisk.spark;

import io.github.creditrisk.EngineSettings;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.RiskException;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rules a Spark job decides with, as they travel from the driver to the executors: the bundled rules, or the
 * text of a directory's rule files ({@code .drl} and {@code messages_LANG.properties}) with their version. A
 * knowledge base is never serialised: each executor compiles the text once per JVM ({@link ExecutorEngines}).
 * Immutable and serialisable.
 */
public final class RuleFiles implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean bundled;
    private final TreeMap<String, String> files;
    private final String version;

    private RuleFiles(boolean bundled, TreeMap<String, String> files, String version) {
        this.bundled = bundled;
        this.files = files;
        this.version = version;
    }

    /** The rules bundled with the engine (the reference policy), precompiled on every executor. */
    public static RuleFiles bundled() {
        return new RuleFiles(true, new TreeMap<>(), RiskEngines.provider(null, RuleFiles.class.getClassLoader())
                .bundledVersion());
    }

    /**
     * The rule files of {@code directory}, read and checked on the driver: they are compiled once here, so that a
     * rule set with errors fails the job before any executor starts, with the errors {@code risk check} gives.
     *
     * @throws io.github.creditrisk.RuleCompilationException with every error, when the rules do not compile
     */
    public static RuleFiles fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        RiskEngine checked = RiskEngines.create(EngineSettings.defaults().withRulesDirectory(directory));
        try {
            TreeMap<String, String> files = new TreeMap<>();
            var provider = RiskEngines.provider(null, RuleFiles.class.getClassLoader());
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    Path relative = directory.relativize(f);
                    String name = f.getFileName().toString();
                    if (!provider.isLeftOut(relative) && (name.endsWith(".drl") || name.endsWith(".properties"))) {
                        files.put(relative.toString().replace('\\', '/'), Files.readString(f));
                    }
                }
            } catch (IOException e) {
                throw new RiskException("cannot read the rules in " + directory + ": " + e.getMessage(), e);
            }
            RuleFiles rules = new RuleFiles(false, files, checked.ruleSet().version());
            // An executor in this JVM (the driver's, as in local mode) decides with the engine just compiled.
            ExecutorEngines.remember(rules, checked);
            return rules;
        } catch (RuntimeException e) {
            checked.close();
            throw e;
        }
    }

    /** Whether these are the bundled rules. */
    public boolean isBundled() {
        return bundled;
    }

    /** The rule set's version, the content hash every decision carries as {@code rulesetVersion}. */
    public String version() {
        return version;
    }

    /** The files by path relative to the rules directory; empty for the bundled rules. */
    public Map<String, String> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /** Writes the files into {@code directory} (on an executor, to compile them). */
    void writeTo(Path directory) {
        files.forEach((path, text) -> {
            try {
                Path target = directory.resolve(path);
                Files.createDirectories(target.getParent());
                Files.writeString(target, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleFiles r && r.bundled == bundled && r.version.equals(version);
    }

    @Override
    public int hashCode() {
        return version.hashCode();
    }

    @Override
    public String toString() {
        return (bundled ? "the bundled rules" : files.size() + " rule files") + ", version " + version;
    }
}

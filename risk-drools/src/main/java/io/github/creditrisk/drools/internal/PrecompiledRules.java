package io.github.creditrisk.drools.internal;

import io.github.creditrisk.RiskException;
import io.github.creditrisk.RuleError;
import io.github.creditrisk.RuleInfo;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * The bundled rules compiled at build time, so that an engine starts without compiling them.
 *
 * <p>At build time ({@link #main}), the bundled rule set is compiled with every check of
 * {@link RuleSetCompiler} into Drools' executable model, and the classes it generates are written as resources
 * under {@value #LOCATION}, with an index naming the rule set's version (the content hash of its files) and
 * saying what the build found in the DRL: each rule's file, and whether the rules keep borrowers apart. At run
 * time, {@link #load} makes the knowledge base straight from those classes and that index: no DRL parsing, no
 * Java compilation. Measured, this takes a process from start to its first decision in about a third of the time.
 *
 * <p>The classes are used only for a rule set whose files are exactly those they were made from (same version),
 * and they live in their own class loader, so a rule set compiled at run time (an analyst's edit, declaring the
 * same types) never meets them.
 */
public final class PrecompiledRules {

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledRules.class);

    /** Where the generated classes lie on the class path. */
    static final String LOCATION = "META-INF/creditrisk/precompiled/";
    static final String INDEX = LOCATION + "index.properties";
    /** The index's key of a rule's file, before the rule's id. */
    private static final String RULE_FILE = "file.";
    /** The index's key of why the rules are not proven to keep borrowers apart; absent when they are. */
    private static final String ISOLATION_DOUBT = "isolationDoubt";

    private PrecompiledRules() {
    }

    /**
     * The build step: {@code PrecompiledRules OUTPUT_DIRECTORY} writes the precompiled bundled rules into the
     * class output directory. Exits with status 1 and the errors when the bundled rules do not compile.
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PrecompiledRules OUTPUT_DIRECTORY");
            System.exit(2);
        }
        long start = System.nanoTime();
        try {
            int classes = write(RuleSetSource.bundled(), Path.of(args[0]));
            System.out.printf("precompiled the bundled rules: %d classes in %d ms%n", classes,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RiskException e) {
            System.err.println("cannot precompile the bundled rules: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Compiles {@code source} into the executable model and writes its classes and index under
     * {@code outputRoot}.
     *
     * @return how many classes were written
     * @throws io.github.creditrisk.RuleCompilationException when the rules do not compile
     */
    public static int write(RuleSetSource source, Path outputRoot) {
        Map<String, byte[]> classes = new TreeMap<>();
        List<String> models = new ArrayList<>();
        CompiledRuleSet compiled = RuleSetCompiler.compile(source, module -> {
            classes.putAll(RuleSetCompiler.classFiles(module));
            for (String name : module.getFileNames()) {
                if (name.endsWith("/drools-model")) {
                    // "Drools-Model-Version:..." then one model class name per line
                    new String(module.getBytes(name), StandardCharsets.UTF_8).lines()
                            .map(String::strip).filter(l -> !l.isEmpty() && !l.contains(":")).forEach(models::add);
                }
            }
        });
        compiled.close();
        if (models.isEmpty()) {
            throw new RiskException("the executable model of " + source.description() + " names no model class");
        }
        try {
            Path root = outputRoot.resolve(LOCATION);
            if (Files.isDirectory(root)) {
                // an earlier build's classes of rules since changed or removed must not ship with these
                try (Stream<Path> earlier = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) earlier.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                Path file = root.resolve(c.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, c.getValue());
            }
            // written by hand rather than by Properties.store, which dates it: the same rules give the same bytes
            StringBuilder index = new StringBuilder("# the bundled rules, precompiled at build time by ")
                    .append(PrecompiledRules.class.getName()).append("\nversion=").append(source.version())
                    .append("\nmodels=").append(String.join(",", models)).append("\nclasses=").append(classes.size())
                    .append('\n');
            compiled.isolationDoubt().ifPresent(doubt ->
                    index.append(ISOLATION_DOUBT).append('=').append(escaped(doubt)).append('\n'));
            for (RuleInfo rule : compiled.info().rules()) { // sorted by name; an id is letters, digits and dashes
                index.append(RULE_FILE).append(rule.id()).append('=').append(escaped(rule.file())).append('\n');
            }
            Files.writeString(outputRoot.resolve(INDEX), index, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the precompiled rules under " + outputRoot, e);
        }
        return classes.size();
    }

    /**
     * The precompiled form of {@code source}: present when the class path holds precompiled rules made from
     * exactly its files.
     *
     * @throws io.github.creditrisk.RuleCompilationException when the message catalogues are broken (they are
     *                                                       read from {@code source}, as when compiling)
     */
    public static Optional<CompiledRuleSet> load(RuleSetSource source) {
        ClassLoader parent = PrecompiledRules.class.getClassLoader();
        Properties index = readIndex(parent);
        if (index == null) {
            return Optional.empty();
        }
        if (!source.version().equals(index.getProperty("version"))) {
            LOG.debug("the precompiled rules are version {}, not {}; compiling", index.getProperty("version"),
                    source.version());
            return Optional.empty();
        }
        long start = System.nanoTime();
        ClassLoader loader = new GeneratedClasses(parent);
        List<Model> models = new ArrayList<>();
        for (String name : index.getProperty("models", "").split(",")) {
            try {
                models.add((Model) Class.forName(name.strip(), true, loader).getConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                LOG.warn("the precompiled rules cannot be loaded ({}); compiling instead", e.toString());
                return Optional.empty();
            }
        }
        List<RuleError> errors = new ArrayList<>();
        MessageCatalog catalog = MessageCatalog.read(source.files(), errors);
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models,
                KieServices.get().newKieBaseConfiguration(null, loader));
        // What the build found in the DRL, so that starting parses none: the file of each rule, and the proof.
        Function<String, Optional<RuleSetCompiler.Place>> placeOf = name -> {
            Matcher id = RuleSetCompiler.RULE_NAME.matcher(name);
            String file = id.matches() ? index.getProperty(RULE_FILE + id.group(1)) : null;
            return Optional.ofNullable(file).map(f -> new RuleSetCompiler.Place(f, 0));
        };
        CompiledRuleSet rules = RuleSetCompiler.assemble(source, placeOf,
                Optional.ofNullable(index.getProperty(ISOLATION_DOUBT)), kieBase, catalog, () -> { }, errors);
        LOG.info("loaded {} precompiled rules of {} as version {} in {} ms", rules.info().rules().size(),
                source.description(), source.version(), (System.nanoTime() - start) / 1_000_000);
        return Optional.of(rules);
    }

    /** A value as a properties file writes it: a backslash doubled, a line break escaped. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static Properties readIndex(ClassLoader loader) {
        URL url = loader.getResource(INDEX);
        if (url == null) {
            return null;
        }
        Properties index = new Properties();
        try (InputStream in = url.openStream()) {
            index.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return index;
        } catch (IOException e) {
            LOG.warn("cannot read {} ({}); compiling the rules instead", url, e.getMessage());
            return null;
        }
    }

    /** Defines the generated classes from their resources, apart from every other class loader's classes. */
    private static final class GeneratedClasses extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        GeneratedClasses(ClassLoader parent) {
            super("precompiled-rules", parent);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String path = LOCATION + name.replace('.', '/') + ".class";
            try (InputStream in = getParent().getResourceAsStream(path)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        /** The generated classes' own bytes, for Drools' readers of class files. */
        @Override
        protected URL findResource(String name) {
            return name.endsWith(".class") ? getParent().getResource(LOCATION + name) : null;
        }
    }
}

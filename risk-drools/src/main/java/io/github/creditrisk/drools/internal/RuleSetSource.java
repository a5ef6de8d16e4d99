package io.github.creditrisk.drools.internal;

import io.github.creditrisk.RiskException;
import io.github.creditrisk.RuleCompilationException;
import io.github.creditrisk.RuleError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The files of a rule set, read once: its {@code .drl} files and its message catalogues
 * ({@code messages_LANG.properties}), by path relative to the rule set's root, and the version that
 * identifies their contents.
 */
public final class RuleSetSource {

    /** Where the bundled rule set lies on the class path (packaged by the {@code risk-rules} module). */
    public static final String BUNDLED_LOCATION = "io/github/creditrisk/rules";
    private static final String BUNDLED_ANCHOR = BUNDLED_LOCATION + "/messages_en.properties";

    private final String description;
    private final Map<String, String> files;
    private final String version;

    RuleSetSource(String description, Map<String, String> files) {
        this.description = description;
        this.files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        this.version = hash(this.files);
    }

    /**
     * Reads the rule set in {@code directory} and its subdirectories, except what {@link #isSkipped(Path)}
     * leaves out: hidden files and directories (names starting with {@code .}) and directories named
     * {@code target}, Maven's build output, which holds a copy of every rule file after a build. The directory
     * itself may have any name, {@code target} included. Other tools' output folders ({@code build},
     * {@code out}) are read like any other folder: those names are ordinary folder names too.
     *
     * @throws RuleCompilationException when the directory does not exist or holds no {@code .drl} file
     */
    public static RuleSetSource fromDirectory(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new RuleCompilationException(directory.toString(), List.of(new RuleError(directory.toString(), 0,
                    Files.exists(root) ? "is not a directory; expected a directory of .drl files"
                            : "does not exist; expected a directory of .drl files")));
        }
        return new RuleSetSource(directory.toString(), read(root));
    }

    /** Reads the rule set bundled on the class path by the {@code risk-rules} artifact. */
    public static RuleSetSource bundled() {
        ClassLoader loader = RuleSetSource.class.getClassLoader();
        URL anchor = loader.getResource(BUNDLED_ANCHOR);
        if (anchor == null) {
            throw new RiskException("the bundled rules are not on the class path (" + BUNDLED_ANCHOR
                    + " not found); add io.github.creditrisk:risk-rules to the dependencies or name a rules"
                    + " directory");
        }
        try {
            if ("jar".equals(anchor.getProtocol())) {
                // read through the jar the class loader has open (a Spring Boot nested jar too: SpringBootJarTest);
                // a zip file system would index the whole jar again
                return new RuleSetSource("bundled rules", readJar((JarURLConnection) anchor.openConnection()));
            }
            return new RuleSetSource("bundled rules", read(Path.of(anchor.toURI()).getParent()));
        } catch (URISyntaxException | IOException | RuntimeException e) {
            throw new RiskException("cannot read the bundled rules at " + anchor + ": " + e.getMessage(), e);
        }
    }

    /** A rule set given as text, by relative path; for tests and tools. */
    public static RuleSetSource of(String description, Map<String, String> files) {
        return new RuleSetSource(description, files);
    }

    private static Map<String, String> read(Path root) {
        Map<String, String> files = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    // not even descended into: a build's output can be large
                    return isSkipped(root.relativize(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    Path relative = root.relativize(file);
                    if (Files.isRegularFile(file) && isRuleFile(file.getFileName().toString()) && !isSkipped(relative)) {
                        files.put(relative.toString().replace('\\', '/'), readText(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in " + root + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static Map<String, String> readJar(JarURLConnection anchor) throws IOException {
        JarFile jar = anchor.getJarFile();
        String root = BUNDLED_LOCATION + "/";
        Map<String, String> files = new TreeMap<>();
        for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
            String name = entry.getName();
            if (entry.isDirectory() || !name.startsWith(root)) {
                continue;
            }
            String relative = name.substring(root.length());
            if (isRuleFile(relative.substring(relative.lastIndexOf('/') + 1)) && !isSkipped(Path.of(relative))) {
                try (InputStream in = jar.getInputStream(entry)) {
                    files.put(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    static boolean isRuleFile(String name) {
        return name.endsWith(".drl") || (name.startsWith("messages_") && name.endsWith(".properties"));
    }

    /**
     * Whether {@code relative}, a path relative to a rule set's root, lies outside the rule set: when any of its
     * names is hidden (starts with {@code .}) or is {@code target} (Maven's build output). The root's own name
     * is not part of {@code relative}, so it never counts. The directory watcher of {@code risk-live} ignores the
     * same paths; {@code ScenarioReader} of {@code risk-scenarios}, which cannot depend on this module, keeps a
     * copy of this rule.
     */
    public static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("target")) {
                return true;
            }
        }
        return false;
    }

    private static String readText(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> f : files.entrySet()) {
                byte[] name = f.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] content = f.getValue().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
                sha.update(name);
                sha.update((byte) 0);
                sha.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(content);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Where the rules came from, for messages. */
    public String description() {
        return description;
    }

    /** Every file, by relative path, sorted. */
    public Map<String, String> files() {
        return files;
    }

    /** The {@code .drl} files, by relative path, sorted. */
    public Map<String, String> drlFiles() {
        Map<String, String> drl = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.endsWith(".drl")) {
                drl.put(path, text);
            }
        });
        return drl;
    }

    /**
     * The first 16 hex digits of a SHA-256 over every file's relative path and content (line endings
     * normalised): the same files always give the same version, and any edit gives another.
     */
    public String version() {
        return version;
    }
}

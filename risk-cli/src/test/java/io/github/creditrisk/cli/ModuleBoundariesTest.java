package io.github.creditrisk.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code internal} package is used only inside its module: no source file of the repository, main or test,
 * names a type of another module's {@code internal} package; and the command, live reload and the Spring Boot
 * auto-configuration reach the engine
 * through the API and the SPI, never naming the Drools engine, which is only their run-time dependency.
 */
@DisplayName("Modules keep to their boundaries")
class ModuleBoundariesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INTERNAL_TYPE = Pattern.compile("io\\.github\\.creditrisk(?:\\.\\w+)*\\.internal(?:\\.\\w+)*");

    @Test
    void noModuleNamesAnotherModulesInternalTypes() throws IOException {
        Map<String, String> ownerOfPackage = new HashMap<>();
        List<Path> modules = modules();
        for (Path module : modules) {
            for (Path file : javaFiles(module.resolve("src/main/java"))) {
                ownerOfPackage.put(packageOf(file), module.getFileName().toString());
            }
        }
        assertThat(ownerOfPackage).as("the packages of the modules").isNotEmpty();

        List<String> crossings = new ArrayList<>();
        for (Path module : modules) {
            String name = module.getFileName().toString();
            for (Path file : javaFiles(module.resolve("src"))) {
                Matcher m = INTERNAL_TYPE.matcher(Files.readString(file));
                while (m.find()) {
                    String owner = owner(m.group(), ownerOfPackage);
                    if (owner != null && !owner.equals(name)) {
                        crossings.add(ROOT.relativize(file) + " names " + m.group() + " of " + owner);
                    }
                }
            }
        }

        assertThat(crossings).isEmpty();
    }

    @Test
    void theCommandLiveReloadAndTheStarterReachTheEngineOnlyThroughTheApiAndTheSpi() throws IOException {
        List<String> named = new ArrayList<>();
        for (String module : List.of("risk-cli", "risk-live", "risk-spring-boot-autoconfigure")) {
            for (Path file : javaFiles(ROOT.resolve(module).resolve("src/main/java"))) {
                if (Files.readString(file).contains("io.github.creditrisk.drools")) {
                    named.add(ROOT.relativize(file).toString());
                }
            }
        }
        assertThat(named).isEmpty();
    }

    /** The module owning the longest package that {@code name} (a package, or a package and a type) starts with. */
    private static String owner(String name, Map<String, String> ownerOfPackage) {
        for (String p = name; p.contains("."); p = p.substring(0, p.lastIndexOf('.'))) {
            if (ownerOfPackage.containsKey(p)) {
                return ownerOfPackage.get(p);
            }
        }
        return null;
    }

    private static List<Path> modules() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("src")))
                    .sorted().toList();
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        try {
            Matcher m = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(Files.readString(file));
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.creditrisk.drools.boot;

import io.github.creditrisk.drools.DroolsRiskEngine;
import io.github.creditrisk.drools.internal.RuleSetSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.launch.JarLauncher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library inside a Spring Boot executable jar, the usual way a lender's service is shipped. There the
 * application's dependencies are jars stored inside the jar ({@code BOOT-INF/lib}), and Spring Boot's launcher
 * reads classes and resources out of them through URLs of its own ({@code jar:nested:…}). The engine must be
 * found through its service file, and the bundled rules (their files and their precompiled classes) read from
 * the nested jar, with no configuration, and decide exactly as on a plain class path.
 *
 * <p>The test puts the test's own class path into such a jar, the way Spring Boot's build plugins lay it out
 * (Spring Boot's launcher classes at the root, nested jars stored uncompressed), runs it with {@code java -jar},
 * and compares what {@link BootJarApp} prints with the same decision made here.
 */
@DisplayName("The engine and the bundled rules work from inside a Spring Boot executable jar")
class SpringBootJarTest {

    @Test
    void theBundledRulesDecideFromANestedJarAsOnAPlainClassPath(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("app.jar");
        writeBootJar(app, dir);

        Path log = dir.resolve("output.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", app.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        List<String> lines = output.lines().toList();
        // the engine came out of the nested jar, not off a plain class path
        assertThat(lines).as(output).anySatisfy(l -> assertThat(l)
                .startsWith("engine loaded from ")
                .contains("app.jar")
                .contains("BOOT-INF/lib/risk-drools"));
        // the bundled rules' files were read, and their classes precompiled at build time found, in the nested jar
        RuleSetSource bundled = RuleSetSource.bundled();
        assertThat(lines).as(output).contains("bundled rules: " + bundled.files().size() + " files, version "
                + bundled.version() + ", precompiled");
        try (DroolsRiskEngine here = DroolsRiskEngine.bundled()) {
            String expected = here.evaluate(BootJarApp.borrower(), BootJarApp.context()).toString();
            assertThat(expected).contains("OVB_TOO_MANY_LENDERS", "RGD_REGIONAL_DOWNTURN");
            assertThat(lines).as(output).contains(expected);
        }
    }

    /**
     * A Spring Boot executable jar of this test's class path: the launcher at the root, the test classes in
     * {@code BOOT-INF/classes}, every other entry (jars as they are, class directories made into jars) stored
     * in {@code BOOT-INF/lib}.
     */
    private static void writeBootJar(Path jar, Path work) throws IOException, URISyntaxException {
        Path launcher = Path.of(JarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path testClasses = Path.of(BootJarApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JarLauncher.class.getName());
        manifest.getMainAttributes().putValue("Start-Class", BootJarApp.class.getName());
        manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        manifest.getMainAttributes().putValue("Spring-Boot-Lib", "BOOT-INF/lib/");

        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            Set<String> written = new HashSet<>();
            try (JarFile loader = new JarFile(launcher.toFile())) {
                for (JarEntry e : (Iterable<JarEntry>) loader.stream()::iterator) {
                    if (!e.isDirectory() && e.getName().startsWith("org/springframework/boot/loader/")) {
                        try (InputStream in = loader.getInputStream(e)) {
                            out.putNextEntry(new JarEntry(e.getName()));
                            in.transferTo(out);
                        }
                    }
                }
            }
            addTree(out, testClasses, "BOOT-INF/classes/");
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (p.equals(testClasses) || p.equals(launcher) || !Files.exists(p)) {
                    continue;
                }
                Path nested = Files.isDirectory(p) ? jarOf(p, work.resolve("dir-" + n++ + ".jar")) : p;
                String name = "BOOT-INF/lib/" + libraryName(p);
                if (written.add(name)) {
                    storeEntry(out, name, Files.readAllBytes(nested));
                }
            }
        }
    }

    /** A nested jar's name: the jar's own, or for a module's classes directory the module's. */
    private static String libraryName(Path entry) {
        if (Files.isDirectory(entry)) {
            // .../risk-drools/target/classes -> risk-drools.jar
            return entry.getParent().getParent().getFileName() + ".jar";
        }
        return entry.getFileName().toString();
    }

    private static Path jarOf(Path directory, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            addTree(out, directory, "");
        }
        return jar;
    }

    /** Adds the files under {@code root}, with an entry for each directory (as jar tools write them). */
    private static void addTree(JarOutputStream out, Path root, String prefix) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted().forEach(paths::add);
        }
        for (Path p : paths) {
            String name = prefix + root.relativize(p).toString().replace('\\', '/');
            if (Files.isDirectory(p)) {
                if (!name.isEmpty()) {
                    out.putNextEntry(new JarEntry(name.endsWith("/") ? name : name + "/"));
                }
            } else {
                out.putNextEntry(new JarEntry(name));
                Files.copy(p, out);
            }
        }
    }

    /** Spring Boot reads nested jars in place, so they must be stored, not compressed. */
    private static void storeEntry(JarOutputStream out, String name, byte[] bytes) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
    }
}

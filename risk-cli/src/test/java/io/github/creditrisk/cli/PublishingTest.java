package io.github.creditrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What a bank's build pipeline reads of the published artifacts agrees with the build: the BOM lists every
 * published module and nothing else, each names a Java module of its own, and the README's table of direct
 * dependencies is what each module's software bill of materials says.
 */
@DisplayName("The published artifacts, their BOM and their bills of materials agree")
class PublishingTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String GROUP = "io.github.creditrisk";

    /** A module of the build: its directory, artifact id, whether it is published, and its Java module name. */
    private record Module(String directory, String artifactId, boolean published, String moduleName,
                          String packaging) {
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static Element properties(Element project) {
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("properties")) {
                return e;
            }
        }
        return null;
    }

    private static List<Module> modules() throws Exception {
        Element root = read(ROOT.resolve("pom.xml")).getDocumentElement();
        NodeList names = root.getElementsByTagName("module");
        List<Module> modules = new ArrayList<>();
        for (int i = 0; i < names.getLength(); i++) {
            String dir = names.item(i).getTextContent().strip();
            Element project = read(ROOT.resolve(dir).resolve("pom.xml")).getDocumentElement();
            Element props = properties(project);
            boolean skipped = props != null && "true".equals(child(props, "maven.deploy.skip"));
            String packaging = child(project, "packaging");
            modules.add(new Module(dir, child(project, "artifactId"), !skipped,
                    props == null ? null : child(props, "module.name"), packaging == null ? "jar" : packaging));
        }
        return modules;
    }

    @Test
    void theBomListsEveryPublishedArtifactAndNothingElse() throws Exception {
        Set<String> published = modules().stream()
                .filter(m -> m.published() && !m.artifactId().equals("risk-bom"))
                .map(Module::artifactId).collect(Collectors.toCollection(TreeSet::new));
        Element bom = read(ROOT.resolve("risk-bom/pom.xml")).getDocumentElement();
        NodeList deps = bom.getElementsByTagName("dependency");
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertThat(child(d, "groupId")).isEqualTo(GROUP);
            assertThat(child(d, "version")).isEqualTo("${project.version}");
            listed.add(child(d, "artifactId"));
        }
        assertThat(listed).isEqualTo(published);
        assertThat(child(bom, "version")).isEqualTo(child(read(ROOT.resolve("pom.xml")).getDocumentElement(),
                "version"));
    }

    @Test
    void everyModuleWithAJarNamesAJavaModuleOfItsOwn() throws Exception {
        Map<String, String> names = new TreeMap<>();
        for (Module m : modules()) {
            if (m.packaging().equals("jar")) {
                assertThat(m.moduleName()).as(m.directory()).isNotBlank().startsWith(GROUP + ".")
                        .matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*");
                assertThat(names.put(m.moduleName(), m.directory())).as(m.moduleName()).isNull();
            }
        }
        assertThat(names).containsKeys(GROUP + ".api", GROUP + ".drools", GROUP + ".json");
    }

    @Test
    void theReadmesDependencyTableIsWhatEachBillOfMaterialsSays() throws Exception {
        Map<String, Set<String>> readme = readmeTable();
        List<Module> published = modules().stream()
                .filter(m -> m.published() && m.packaging().equals("jar")).toList();
        assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(
                published.stream().map(Module::artifactId).toList());
        for (Module m : published) {
            Path sbom = ROOT.resolve(m.directory()).resolve("target/bom.json");
            assumeThat(sbom).as("the bill of materials of %s (made by `mvn package`)", m.directory()).exists();
            assertThat(readme.get(m.artifactId())).as(m.artifactId()).isEqualTo(directDependencies(sbom));
        }
    }

    /** The README's table: artifact to its direct dependencies as group:artifact. */
    private static Map<String, Set<String>> readmeTable() throws Exception {
        String text = Files.readString(ROOT.resolve("README.md"));
        int start = text.indexOf("### What each published artifact brings");
        assertThat(start).as("the README's section on dependencies").isNotNegative();
        Map<String, Set<String>> table = new LinkedHashMap<>();
        Pattern row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (.*) \\|$");
        Matcher m = row.matcher(text.substring(start, text.indexOf("\n## ", start)));
        while (m.find()) {
            Set<String> deps = new TreeSet<>();
            String cell = m.group(2).replaceAll("\\(.*?\\)", "").replace("optional:", ",");
            for (String part : cell.split("[,;]")) {
                String dep = part.strip().replace("`", "");
                if (dep.isEmpty() || dep.equals("none")) {
                    continue;
                }
                deps.add(dep.contains(":") ? dep : GROUP + ":" + dep);
            }
            table.put(m.group(1), deps);
        }
        return table;
    }

    /** The direct dependencies of the module a CycloneDX bill of materials describes, as group:artifact. */
    private static Set<String> directDependencies(Path sbom) throws Exception {
        JsonNode bom = new ObjectMapper().readTree(sbom.toFile());
        String self = bom.path("metadata").path("component").path("bom-ref").asText();
        Set<String> direct = new TreeSet<>();
        for (JsonNode d : bom.path("dependencies")) {
            if (d.path("ref").asText().equals(self)) {
                for (JsonNode ref : d.path("dependsOn")) {
                    // pkg:maven/GROUP/ARTIFACT@VERSION?type=jar
                    String[] parts = ref.asText().substring("pkg:maven/".length()).split("[/@]");
                    direct.add(parts[0] + ":" + parts[1]);
                }
            }
        }
        return direct;
    }
}

package io.github.creditrisk.json;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * risk-api and risk-json are named modules, {@code io.github.creditrisk.api} and {@code io.github.creditrisk.json}:
 * each exports its public packages and nothing else, and on the module path, beside Jackson's modules, risk-json
 * reads and writes the contract's JSON (Jackson reaching the mapping inside, which is opened to it alone).
 */
@DisplayName("risk-api and risk-json as named modules")
class ModulePathTest {

    private static final Path API = Path.of("..", "risk-api", "target", "classes");
    private static final Path JSON = Path.of("target", "classes");

    private static ModuleDescriptor descriptor(Path classes) throws Exception {
        try (var in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void eachExportsItsPublicPackagesOnlyAndHidesItsInternals() throws Exception {
        ModuleDescriptor api = descriptor(API);
        assertThat(api.name()).isEqualTo("io.github.creditrisk.api");
        assertThat(api.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("io.github.creditrisk", "io.github.creditrisk.spi");
        assertThat(api.uses()).containsExactly("io.github.creditrisk.spi.RiskEngineProvider");

        ModuleDescriptor json = descriptor(JSON);
        assertThat(json.name()).isEqualTo("io.github.creditrisk.json");
        assertThat(json.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("io.github.creditrisk.json");
        assertThat(json.opens()).singleElement().satisfies(o -> {
            assertThat(o.source()).isEqualTo("io.github.creditrisk.json.internal");
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
        assertThat(json.packages()).contains("io.github.creditrisk.json.internal");
    }

    @Test
    void onTheModulePathRiskJsonReadsAndWritesTheContractsJson() throws Exception {
        List<Path> path = new java.util.ArrayList<>(List.of(API, JSON));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("jackson-") || name.startsWith("jspecify-")) {
                path.add(Path.of(entry));
            }
        }
        ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("io.github.creditrisk.json"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        assertThat(layer.modules().stream().map(Module::getName).collect(Collectors.toSet()))
                .contains("io.github.creditrisk.api", "io.github.creditrisk.json", "com.fasterxml.jackson.databind");

        ClassLoader loader = layer.findLoader("io.github.creditrisk.json");
        Class<?> riskJson = loader.loadClass("io.github.creditrisk.json.RiskJson");
        assertThat(riskJson.getModule().getName()).isEqualTo("io.github.creditrisk.json");
        Object json = riskJson.getMethod("create").invoke(null);
        String text = "{\"id\":\"B-1\",\"segment\":\"ORDINARY\",\"region\":\"CN-BJ\",\"monthlyIncome\":12000,"
                + "\"creditLimit\":50000,\"creditScore\":700,\"loans\":[{\"lender\":\"a\",\"outstanding\":100,"
                + "\"monthlyPayment\":10}]}";
        Object profile = riskJson.getMethod("readBorrower", String.class).invoke(json, text);
        assertThat(profile.getClass().getModule().getName()).isEqualTo("io.github.creditrisk.api");
        Method write = riskJson.getMethod("writeBorrower", profile.getClass());
        assertThat((String) write.invoke(json, profile)).contains("\"id\":\"B-1\"").contains("\"lender\":\"a\"");

        Class<?> internal = loader.loadClass("io.github.creditrisk.json.internal.Codec");
        assertThat(riskJson.getModule().isExported("io.github.creditrisk.json.internal")).isFalse();
        assertThatThrownBy(() -> internal.getDeclaredConstructors()[0].setAccessible(true))
                .isInstanceOf(RuntimeException.class);
        assertThat(Arrays.asList(riskJson.getModule().getPackages().toArray()))
                .contains("io.github.creditrisk.json.internal");
    }
}

package io.github.creditrisk;

import io.github.creditrisk.spi.RiskEngineProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Choosing an engine among the providers on the class path")
class RiskEnginesTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(RiskEngines.ENGINE_PROPERTY);
    }

    /** A class loader that sees exactly {@code providers} through META-INF/services. */
    private ClassLoader withProviders(Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> p : providers) {
            lines.append(p.getName()).append('\n');
        }
        Files.writeString(services.resolve(RiskEngineProvider.class.getName()), lines);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void noProviderIsAnErrorThatSaysWhatToAdd() throws IOException {
        ClassLoader loader = withProviders();

        assertThatThrownBy(() -> RiskEngines.provider(null, loader))
                .isInstanceOf(EngineDiscoveryException.class)
                .hasMessageContaining("no risk engine is on the class path")
                .hasMessageContaining("io.github.creditrisk:risk-drools");
    }

    @Test
    void theOnlyProviderIsChosen() throws IOException {
        assertThat(RiskEngines.provider(null, withProviders(TestEngines.Alpha.class)))
                .isInstanceOf(TestEngines.Alpha.class);
    }

    @Test
    void twoProvidersWithoutAChoiceIsAnErrorListingBoth() throws IOException {
        ClassLoader loader = withProviders(TestEngines.Alpha.class, TestEngines.Beta.class);

        assertThatThrownBy(() -> RiskEngines.provider(null, loader))
                .isInstanceOf(EngineDiscoveryException.class)
                .hasMessageContaining("several risk engines are on the class path")
                .hasMessageContaining("'alpha' (" + TestEngines.Alpha.class.getName() + ")")
                .hasMessageContaining("'beta' (" + TestEngines.Beta.class.getName() + ")")
                .hasMessageContaining("-Dcreditrisk.engine=NAME");
    }

    @Test
    void aNameChoosesAmongSeveral() throws IOException {
        ClassLoader loader = withProviders(TestEngines.Alpha.class, TestEngines.Beta.class);

        assertThat(RiskEngines.provider("beta", loader)).isInstanceOf(TestEngines.Beta.class);
    }

    @Test
    void theSystemPropertyChoosesWhenNoNameIsGiven() throws IOException {
        ClassLoader loader = withProviders(TestEngines.Alpha.class, TestEngines.Beta.class);
        System.setProperty(RiskEngines.ENGINE_PROPERTY, "alpha");

        assertThat(RiskEngines.provider(null, loader)).isInstanceOf(TestEngines.Alpha.class);
    }

    @Test
    void anExplicitNameWinsOverTheSystemProperty() throws IOException {
        ClassLoader loader = withProviders(TestEngines.Alpha.class, TestEngines.Beta.class);
        System.setProperty(RiskEngines.ENGINE_PROPERTY, "alpha");

        assertThat(RiskEngines.provider("beta", loader)).isInstanceOf(TestEngines.Beta.class);
    }

    @Test
    void aNamedProviderThatIsMissingIsAnErrorListingWhatWasFound() throws IOException {
        ClassLoader loader = withProviders(TestEngines.Alpha.class);

        assertThatThrownBy(() -> RiskEngines.provider("gamma", loader))
                .isInstanceOf(EngineDiscoveryException.class)
                .hasMessage("no risk engine named 'gamma' is on the class path; found 'alpha' ("
                        + TestEngines.Alpha.class.getName() + ")");
    }

    @Test
    void theChosenProviderCreatesTheEngineWithTheSettings() throws IOException {
        RiskEngineProvider provider = RiskEngines.provider(null, withProviders(TestEngines.Alpha.class));

        try (RiskEngine engine = provider.create(EngineSettings.defaults().withFireLimit(7))) {
            assertThat(engine.ruleSet().source()).isEqualTo("alpha, fire limit 7");
        }
    }
}

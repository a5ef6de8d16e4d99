/**
 * The caller's API of the credit-risk rules engine, and the SPI an engine implements (found with
 * {@link java.util.ServiceLoader}). See {@link io.github.creditrisk}.
 */
module io.github.creditrisk.api {
    requires static transitive org.jspecify;

    exports io.github.creditrisk;
    exports io.github.creditrisk.spi;

    uses io.github.creditrisk.spi.RiskEngineProvider;
}

/**
 * The contract's JSON formats. Only {@link io.github.creditrisk.json} is exported; the mapping behind it stays
 * inside, opened to Jackson alone, which reads into its records.
 */
module io.github.creditrisk.json {
    requires transitive io.github.creditrisk.api;
    requires com.fasterxml.jackson.databind;
    requires static transitive org.jspecify;

    exports io.github.creditrisk.json;

    opens io.github.creditrisk.json.internal to com.fasterxml.jackson.databind;
}

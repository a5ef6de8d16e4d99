package io.github.creditrisk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The medians of a JMH result file's measurement iterations (JMH prints means and errors, which one slow
 * iteration on a shared machine drags about), with the ratios the targets are stated in, each between figures
 * of the same run: an engine benchmark against the hand-written policy and Easy Rules with the same
 * parameters, and two threads against one.
 *
 * <pre>
 * java -jar risk-benchmarks/target/benchmarks.jar EngineBenchmark -wi 10 -i 15 -rf json -rff engine.json
 * java -cp risk-benchmarks/target/benchmarks.jar io.github.creditrisk.benchmarks.Medians engine.json
 * </pre>
 */
public final class Medians {

    private Medians() {
    }

    /** One benchmark's result: its name (class.method), parameters, median, range and unit. */
    record Row(String name, Map<String, String> params, double median, double min, double max, String unit) {

        String method() {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Medians RESULT.json ... (JMH's -rf json -rff RESULT.json)");
            System.exit(2);
        }
        for (String file : args) {
            System.out.print(report(read(new ObjectMapper().readTree(Path.of(file).toFile()))));
        }
    }

    static List<Row> read(JsonNode results) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode b : results) {
            String benchmark = b.get("benchmark").asText();
            String[] parts = benchmark.split("\\.");
            Map<String, String> params = new TreeMap<>();
            b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode metric = b.get("primaryMetric");
            JsonNode percentiles = metric.get("scorePercentiles");
            rows.add(new Row(parts[parts.length - 2] + "." + parts[parts.length - 1], params,
                    percentiles.get("50.0").asDouble(), percentiles.get("0.0").asDouble(),
                    percentiles.get("100.0").asDouble(), metric.get("scoreUnit").asText()));
        }
        return rows;
    }

    static String report(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-34s %-22s median %12.3f  (%.3f to %.3f) %s%s%n", r.name(),
                    r.params().isEmpty() ? "" : r.params().toString(), r.median(), r.min(), r.max(), r.unit(),
                    ratio(r, rows)));
        }
        return out.toString();
    }

    /** The ratio the row's target is stated in, or nothing. */
    private static String ratio(Row r, List<Row> rows) {
        if (r.method().startsWith("engine")) {
            return partner(r, rows, "handWritten")
                    .map(h -> String.format(Locale.ROOT, "  = %.1f× hand-written", r.median() / h.median()))
                    .orElse("")
                    + partner(r, rows, "easyRules")
                    .map(e -> String.format(Locale.ROOT, ", %.2f× Easy Rules", r.median() / e.median()))
                    .orElse("");
        }
        if (r.method().endsWith("2Threads")) {
            String one = r.method().replace("2Threads", "1Thread");
            return partner(r, rows, one)
                    .map(o -> String.format(Locale.ROOT, "  = %.2f× one thread", r.median() / o.median()))
                    .orElse("");
        }
        return "";
    }

    private static java.util.Optional<Row> partner(Row r, List<Row> rows, String method) {
        return rows.stream().filter(o -> o.method().equals(method) && o.params().equals(r.params())).findFirst();
    }
}

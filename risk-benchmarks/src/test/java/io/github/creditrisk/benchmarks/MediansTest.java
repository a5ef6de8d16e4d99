package io.github.creditrisk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediansTest {

    private static String result(String method, String signals, double p0, double p50, double p100, String unit) {
        return """
                {"benchmark": "io.github.creditrisk.benchmarks.%s", "params": {"signals": "%s"},
                 "primaryMetric": {"score": 0, "scoreUnit": "%s",
                   "scorePercentiles": {"0.0": %s, "50.0": %s, "100.0": %s}}}"""
                .formatted(method, signals, unit, p0, p50, p100);
    }

    @Test
    void mediansAndTheRatiosOfTheSameRun() throws Exception {
        String json = "[" + String.join(",",
                result("EngineBenchmark.engineBatch", "bundled", 3.3, 3.5, 9.0, "us/op"),
                result("EngineBenchmark.engineBatch", "large", 3.9, 4.0, 4.2, "us/op"),
                result("EngineBenchmark.handWritten", "bundled", 0.4, 0.5, 0.6, "us/op"),
                result("EngineBenchmark.handWritten", "large", 0.4, 0.4, 0.5, "us/op"),
                result("EngineBenchmark.easyRules", "bundled", 4.0, 4.2, 4.5, "us/op"),
                result("ThreadsBenchmark.single1Thread", "bundled", 1, 100000, 2, "ops/s"),
                result("ThreadsBenchmark.single2Threads", "bundled", 1, 190000, 2, "ops/s")) + "]";

        String report = Medians.report(Medians.read(new ObjectMapper().readTree(json)));

        assertThat(report.lines().map(l -> l.replaceAll(" +", " "))).containsExactly(
                "EngineBenchmark.engineBatch {signals=bundled} median 3.500 (3.300 to 9.000) us/op = 7.0× hand-written, 0.83× Easy Rules",
                "EngineBenchmark.engineBatch {signals=large} median 4.000 (3.900 to 4.200) us/op = 10.0× hand-written",
                "EngineBenchmark.handWritten {signals=bundled} median 0.500 (0.400 to 0.600) us/op",
                "EngineBenchmark.handWritten {signals=large} median 0.400 (0.400 to 0.500) us/op",
                "EngineBenchmark.easyRules {signals=bundled} median 4.200 (4.000 to 4.500) us/op",
                "ThreadsBenchmark.single1Thread {signals=bundled} median 100000.000 (1.000 to 2.000) ops/s",
                "ThreadsBenchmark.single2Threads {signals=bundled} median 190000.000 (1.000 to 2.000) ops/s"
                        + " = 1.90× one thread");
    }
}

package io.github.creditrisk.cli;

import io.github.creditrisk.json.RiskJson;
import io.github.creditrisk.testkit.PortfolioGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code risk generate}: a reproducible synthetic portfolio, as JSON Lines on standard output. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic portfolio as JSON Lines (one borrower profile per line) to standard"
                + " output, for demos, benchmarks and simulations. The same --seed and --count always give the"
                + " same portfolio.",
                "Spreads: 55%% ordinary customers, 22%% small-business owners, 15%% first-time borrowers, 8%%"
                        + " high-net-worth; 20 Chinese cities; 12 sectors (2%% P2P lending); log-normal incomes;"
                        + " about a quarter over their debt-to-income ceiling, some with many lenders, overdue"
                        + " loans, falling scores or collapsing sales."},
        footer = {"", "Exit codes: 0 success; 2 bad usage."})
final class GenerateCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many borrowers.")
    long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    GenerateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            io.err().println("risk generate: --count " + count + " is negative; expected a number ≥ 0");
            return Main.INPUT_ERROR;
        }
        PortfolioGenerator generator = new PortfolioGenerator(seed);
        RiskJson json = RiskJson.create();
        Writer out = new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), 1 << 16);
        for (long i = 0; i < count; i++) {
            out.write(json.writeBorrower(generator.borrower(i)));
            out.write('\n');
        }
        out.flush();
        return 0;
    }
}

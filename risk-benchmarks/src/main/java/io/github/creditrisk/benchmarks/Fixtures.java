package io.github.creditrisk.benchmarks;

import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.EvaluationContext;
import io.github.creditrisk.RegionalDownturn;
import io.github.creditrisk.SectorBan;
import io.github.creditrisk.ServiceOutage;
import io.github.creditrisk.Severity;
import io.github.creditrisk.Signal;
import io.github.creditrisk.testkit.PortfolioGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The portfolios, signal sets and rule sets the benchmarks and their tests share. */
public final class Fixtures {

    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private Fixtures() {
    }

    /** {@code count} borrowers of the generated portfolio with {@code seed} (as {@code risk generate}). */
    public static List<BorrowerProfile> portfolio(int count, long seed) {
        PortfolioGenerator generator = new PortfolioGenerator(seed);
        List<BorrowerProfile> borrowers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            borrowers.add(generator.borrower(i));
        }
        return borrowers;
    }

    /**
     * The signals in force. {@code bundled}: a severe Guangdong downturn, a P2P ban and a September outage.
     * {@code large}: the same plus 1,000 other bans and 1,000 other regional downturns.
     */
    public static EvaluationContext context(String signals) {
        List<Signal> list = new ArrayList<>(List.of(
                new RegionalDownturn("DT-GD", "CN-GD", Severity.SEVERE, LocalDate.of(2026, 9, 1), null, null),
                new SectorBan("BAN-P2P", "P2P_LENDING", "Regulatory Notice 2026-7", LocalDate.of(2026, 6, 1), null),
                new ServiceOutage("OUT-9", LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 28), null)));
        if (signals.equals("large")) {
            for (int i = 0; i < 1000; i++) {
                list.add(new SectorBan("BAN-" + i, "SECTOR_" + i, "Notice " + i, LocalDate.of(2026, 1, 1), null));
                list.add(new RegionalDownturn("DT-" + i, "XX-R" + (i % 50) + "-C" + i, Severity.values()[i % 4],
                        LocalDate.of(2026, 1, 1), null, null));
            }
        } else if (!signals.equals("bundled")) {
            throw new IllegalArgumentException("signal set " + signals);
        }
        return EvaluationContext.of(AS_OF, list);
    }

    /** The bundled rules' source directory, from the repository's root or a module directory. */
    public static Path bundledRulesSource() {
        for (Path p : List.of(Path.of("rules", "policy"), Path.of("..", "rules", "policy"))) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("run from the repository's root: rules/policy not found");
    }

    /** Deletes {@code dir} and everything in it: a temporary directory a benchmark made. */
    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A rule set ten times the bundled one (in a temporary directory the caller {@linkplain #delete deletes}): ten copies of the policy, each in its own DRL package with its
     * own rule ids, deciding exactly as one copy does (every copy finds the same restrictions, which the merge
     * collapses).
     */
    public static Path tenfoldRules() {
        try {
            Path dir = Files.createTempDirectory("tenfold-rules");
            Path source = bundledRulesSource();
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = f.getFileName().toString();
                    String text = Files.readString(f);
                    if (!name.endsWith(".drl")) {
                        Files.writeString(dir.resolve(name), text);
                        continue;
                    }
                    for (int copy = 0; copy < 10; copy++) {
                        String suffix = copy == 0 ? "" : "-C" + copy;
                        String edited = copy == 0 ? text : text
                                .replace("package policy;", "package policy" + copy + ";")
                                .replaceAll("rule \"([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+) ", "rule \"$1" + suffix + " ");
                        Files.writeString(dir.resolve(name.replace(".drl", suffix + ".drl")), edited);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

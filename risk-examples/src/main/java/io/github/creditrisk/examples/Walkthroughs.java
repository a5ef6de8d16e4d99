package io.github.creditrisk.examples;

import io.github.creditrisk.Decision;
import io.github.creditrisk.Language;
import io.github.creditrisk.RiskEngine;
import io.github.creditrisk.RiskEngines;
import io.github.creditrisk.json.RiskJson;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs every walkthrough, in order, on the rules bundled with whichever engine is on the class path.
 *
 * <pre>
 * mvn -q -B -pl risk-examples -am compile exec:java                               # in English
 * mvn -q -B -pl risk-examples -am compile exec:java -Dexec.args="--lang zh"       # in Chinese
 * mvn -q -B -pl risk-examples -am compile exec:java -Dexec.args="--json"          # decisions as JSON Lines
 * </pre>
 */
public final class Walkthroughs {

    /** Every walkthrough, in the order they are told. */
    static final List<Walkthrough> ALL = List.of(new SmallRetailerWalkthrough(), new SectorBanWalkthrough(),
            new RegionalDownturnWalkthrough(), new ScoreDropWalkthrough(), new ServiceOutageWalkthrough(),
            new ManyLendersWalkthrough());

    private Walkthroughs() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(ALL, args, out));
    }

    /** Tells {@code walkthroughs} as {@code args} ask ({@code --lang en|zh}, {@code --json}); returns an exit code. */
    static int run(List<Walkthrough> walkthroughs, String[] args, PrintStream out) {
        Language language = Language.EN;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--lang" -> {
                    if (i + 1 == args.length) {
                        return usage(out, "--lang needs en or zh");
                    }
                    try {
                        language = Language.fromTag(args[++i]);
                    } catch (RuntimeException e) {
                        return usage(out, e.getMessage());
                    }
                }
                case "--help", "-h" -> {
                    out.println("usage: walkthroughs [--lang en|zh] [--json]");
                    return 0;
                }
                default -> {
                    return usage(out, "unknown option '" + args[i] + "'");
                }
            }
        }
        RiskJson writer = RiskJson.create();
        try (RiskEngine engine = RiskEngines.create()) {
            Narrator narrator = new Narrator(out, language);
            int number = 1;
            for (Walkthrough w : walkthroughs) {
                Map<String, Decision> decisions = w.decide(engine, language);
                if (json) {
                    decisions.values().forEach(d -> out.println(writer.writeDecision(d)));
                } else {
                    narrator.tell(walkthroughs.size() == 1 ? numberOf(w) : number, w, decisions);
                }
                number++;
            }
            if (!json) {
                out.println();
                out.println((language == Language.ZH ? "规则集版本 " : "Decided by the rule set version ")
                        + engine.ruleSet().version() + " (" + engine.ruleSet().source() + ")");
            }
        }
        return 0;
    }

    /** The walkthrough's place in the full series, so one told alone keeps its number. */
    private static int numberOf(Walkthrough w) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).getClass() == w.getClass()) {
                return i + 1;
            }
        }
        return 1;
    }

    private static int usage(PrintStream out, String problem) {
        out.println("walkthroughs: " + problem + "; usage: walkthroughs [--lang en|zh] [--json]");
        return 2;
    }
}

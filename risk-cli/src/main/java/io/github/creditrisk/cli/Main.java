package io.github.creditrisk.cli;

import io.github.creditrisk.Language;
import io.github.creditrisk.RiskException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The entry point of {@code java -jar risk.jar}. Every failure ends as one clear line on standard error and
 * an exit code; no stack trace reaches a user.
 */
public final class Main {

    /** Exit code: a usage error, unreadable or rejected input. */
    public static final int INPUT_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        Io io = Io.system();
        // A throwable that no code catches, in any thread, still ends as one line and status 2, not a trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            io.err().println("risk: " + problem(e));
            io.err().flush();
            exit(INPUT_ERROR);
        });
        BundledRulesPrefetch.startFor(args);
        int code;
        try {
            code = run(io, args);
        } catch (Error e) { // picocli hands on errors, such as running out of memory
            io.err().println("risk: " + problem(e));
            code = INPUT_ERROR;
        }
        io.out().flush();
        System.exit(code);
    }

    /**
     * Exits with {@code code}, running the shutdown hooks; from a thread of a JVM already shutting down (a hook),
     * where {@code System.exit} would wait for the hooks, and so for itself, by halting.
     */
    private static void exit(int code) {
        try {
            Runtime.getRuntime().removeShutdownHook(new Thread(() -> { })); // throws once shutting down
        } catch (IllegalStateException shuttingDown) {
            Runtime.getRuntime().halt(code);
        }
        System.exit(code);
    }

    /** What went wrong, in one line: how to give Java more memory, or an internal error to report. */
    static String problem(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "); give Java a larger heap, such as java -Xmx1g -jar"
                    + " risk.jar (risk eval needs about 100 bytes of heap per borrower beyond the first 64 MB, to"
                    + " find repeated ids)";
        }
        return "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage() + "; please report it";
    }

    /** Runs the command with {@code args} on {@code io} and returns its exit code. */
    public static int run(Io io, String... args) {
        CommandLine cli = new CommandLine(new RiskCommand(), new CommandFactory(io));
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.registerConverter(LocalDate.class, Main::date);
        cli.registerConverter(Language.class, Language::fromTag);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            io.err().println("risk: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, io.err());
            io.err().println("Try 'risk " + commandPath(e.getCommandLine()) + "--help' for more information.");
            return INPUT_ERROR;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            io.err().println("risk: " + (e instanceof RiskException ? e.getMessage() : problem(e)));
            return INPUT_ERROR;
        });
        return cli.execute(args);
    }

    private static String commandPath(CommandLine c) {
        String name = c.getCommandName();
        return name.equals("risk") ? "" : name + " ";
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date; expected YYYY-MM-DD,"
                    + " such as 2026-11-01");
        }
    }

    /** Creates commands with the run's {@link Io}. */
    private record CommandFactory(Io io) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var constructor : cls.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Io.class) {
                    constructor.setAccessible(true);
                    return cls.cast(constructor.newInstance(io));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}

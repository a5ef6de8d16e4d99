package io.github.creditrisk.rulecheck;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The DRL files of a rule set as Drools' parser reads them: parsed once for every check that reads the rules as
 * written, and to place what Drools reports on the lines where rules, queries, functions and types are defined.
 *
 * @param texts    the text of every file, by path, in path order
 * @param packages what each file that parses declares, by path, in path order
 * @param unparsed the files that do not parse, in path order (the build reports their errors in its own words)
 */
public record ParsedDrl(SortedMap<String, String> texts, SortedMap<String, PackageDescr> packages,
                        List<String> unparsed) {

    /** Parses {@code files} (relative path to DRL text). */
    public static ParsedDrl parse(Map<String, String> files) {
        SortedMap<String, String> texts = new TreeMap<>(files);
        SortedMap<String, PackageDescr> packages = new TreeMap<>();
        List<String> unparsed = new ArrayList<>();
        texts.forEach((file, text) -> {
            try {
                DrlParser parser = new DrlParser();
                PackageDescr pkg = parser.parse(false, text);
                if (!parser.hasErrors() && pkg != null) {
                    packages.put(file, pkg);
                    return;
                }
            } catch (DroolsParserException | RuntimeException e) {
                // the file does not parse, as when the parser reports errors
            }
            unparsed.add(file);
        });
        return new ParsedDrl(Collections.unmodifiableSortedMap(texts), Collections.unmodifiableSortedMap(packages),
                List.copyOf(unparsed));
    }

    /** Where {@code origin} is defined: the first rule, query, function or declared type of its kind and name. */
    public Optional<Definition> find(Origin origin) {
        return packages.entrySet().stream()
                .flatMap(e -> definitions(e.getValue(), origin).map(descr -> new Definition(e.getKey(), descr)))
                .findFirst();
    }

    private static Stream<? extends BaseDescr> definitions(PackageDescr pkg, Origin origin) {
        return switch (origin.kind()) {
            case RULE, QUERY -> pkg.getRules().stream().filter(r -> r.getName().equals(origin.name()))
                    .filter(r -> r.isQuery() == (origin.kind() == Origin.Kind.QUERY));
            case FUNCTION -> pkg.getFunctions().stream().filter(f -> f.getName().equals(origin.name()));
            case TYPE -> pkg.getClassAndEnumDeclarationDescrs().stream()
                    .filter(t -> t.getTypeName().equals(origin.name()));
            case RULE_SET -> Stream.empty();
        };
    }

    /**
     * A definition in the DRL.
     *
     * @param file  the path of its file
     * @param descr what the parser read: its first line, and the offsets of its first and last characters
     */
    public record Definition(String file, BaseDescr descr) {
    }
}

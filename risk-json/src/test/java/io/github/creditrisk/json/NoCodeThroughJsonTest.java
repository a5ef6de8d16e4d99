package io.github.creditrisk.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.creditrisk.BorrowerProfile;
import io.github.creditrisk.InvalidValueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * No code through data: nothing in a JSON document can make the reader load or instantiate a class. A
 * class named in a document (as a type id, as a value, as a key) stays a piece of text: the mapper binds the
 * contract's fixed shapes only, with no default typing, so no document can name a type.
 *
 * <p>Two witnesses: {@link Canary}, a class whose loading would flip {@link #TOUCHED} (it is never loaded
 * unless a reader loads it; {@link ControlCanary} shows that loading one does flip the flag), and a class
 * loader installed as the thread's context loader that records every class asked of it.
 */
@DisplayName("No code through data: a JSON document cannot load a class")
class NoCodeThroughJsonTest {

    static final AtomicBoolean TOUCHED = new AtomicBoolean();
    static final AtomicBoolean CONTROL_TOUCHED = new AtomicBoolean();
    static final String CANARY = "io.github.creditrisk.json.NoCodeThroughJsonTest$Canary";

    /** Named in the documents below; loading it, or making one, would flip {@link #TOUCHED}. */
    static final class Canary {
        static {
            TOUCHED.set(true);
        }

        Canary() {
            TOUCHED.set(true);
        }
    }

    /** The same mechanism, loaded on purpose by one test to show that the flag does flip. */
    static final class ControlCanary {
        static {
            CONTROL_TOUCHED.set(true);
        }
    }

    /** Records the name of every class asked of it, then asks its parent. */
    static final class RecordingLoader extends ClassLoader {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        RecordingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    private final RiskJson json = RiskJson.create();
    private final RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());
    private ClassLoader previous;

    @BeforeEach
    void recordWhatIsLoaded() {
        previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
    }

    @AfterEach
    void nothingWasLoadedFromTheDocument() {
        Thread.currentThread().setContextClassLoader(previous);
        assertThat(TOUCHED).as("the canary class named in the documents was loaded").isFalse();
        assertThat(loader.asked).as("classes asked of the context class loader").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@class", "@type", "@c", "$type", "class", "type", "@JsonTypeInfo"})
    void aTypeIdIsAnUnknownFieldWherever(String key) {
        String typed = "\"" + key + "\": \"" + CANARY + "\"";

        assertThat(rejection(() -> json.readBorrower(Profiles.valid().with(key, "\"" + CANARY + "\"").json())))
                .startsWith(key.matches("[A-Za-z_]\\w*") ? key + ": is not a field" : "[\"" + key + "\"]: is not a field");
        assertThat(rejection(() -> json.readBorrower(Profiles.valid().with("loans",
                "[{\"lender\": \"L\", \"outstanding\": 1, \"monthlyPayment\": 1, " + typed + "}]").json())))
                .startsWith("loans[0]");
        assertThat(json.readCaseFile("{\"borrowers\": [{" + typed + ", \"id\": \"B-1\"}]}").borrowers().get(0))
                .isInstanceOfSatisfying(BorrowerInput.Rejected.class, r -> assertThat(r.error()).contains(key));
        if (!key.equals("type")) {
            assertThat(rejection(() -> json.readSignals("[{\"type\": \"SERVICE_OUTAGE\", \"since\": \"2026-09-25\","
                    + " \"until\": \"2026-09-28\", " + typed + "}]"))).startsWith("signals[0]");
        }
    }

    @Test
    void aSignalTypeThatNamesAClassIsNotASignalType() {
        for (String type : List.of(CANARY, "io.github.creditrisk.SectorBan", "java.lang.Runtime")) {
            assertThat(rejection(() -> json.readSignals("[{\"type\": \"" + type + "\", \"since\": \"2026-09-25\"}]")))
                    .startsWith("signals[0].type: \"").contains("is not a signal type");
        }
    }

    @Test
    void jacksonsWrapperArrayFormForTypesIsJustAnArray() {
        // ["class name", {...}] is how Jackson's default typing wraps a typed value.
        String wrapped = "[\"" + CANARY + "\", {\"lender\": \"L\", \"outstanding\": 1, \"monthlyPayment\": 1}]";

        assertThat(rejection(() -> json.readBorrower(Profiles.valid().with("loans", "[" + wrapped + "]").json())))
                .isEqualTo("loans[0]: an array is not a loan; expected a JSON object");
        assertThat(rejection(() -> json.readBorrower("[\"" + CANARY + "\", " + Profiles.valid().json() + "]")))
                .isEqualTo("input: an array is not a borrower profile; expected a JSON object");
    }

    @Test
    void classNamesAndCodeInEveryTextFieldStayText() {
        String code = "rule \\\"X\\\" when then " + CANARY + ".class.newInstance(); end ${" + CANARY + "}";
        String text = "\"" + code + "\"";
        BorrowerProfile p = json.readBorrower(Profiles.valid().with("id", text).with("region", text)
                .with("sector", "\"" + CANARY + "\"").with("loans",
                        "[{\"lender\": \"" + CANARY + "\", \"outstanding\": 1, \"monthlyPayment\": 1}]").json());

        String expected = code.replace("\\\"", "\"");
        assertThat(p.id()).isEqualTo(expected);
        assertThat(p.region()).isEqualTo(expected);
        assertThat(p.sector()).isEqualTo(CANARY);
        assertThat(p.loans().get(0).lender()).isEqualTo(CANARY);
    }

    @Test
    void theClassNameAsAKeyEverywhereIsRejectedAsAnUnknownField() {
        String key = "\"" + CANARY + "\": {\"" + CANARY + "\": [\"" + CANARY + "\"]}";
        CaseFile file = json.readCaseFile("{\"borrowers\": [{" + key + "}, " + Profiles.valid().json() + "]}");

        assertThat(file.borrowers().get(0)).isInstanceOfSatisfying(BorrowerInput.Rejected.class,
                r -> assertThat(r.error()).startsWith("borrowers[0][\"io.github.creditrisk.json.NoCodeThroughJ…\"]"));
        assertThat(file.borrowers().get(1)).isInstanceOf(BorrowerInput.Valid.class);
        assertThat(rejection(() -> json.readCaseFile("{" + key + "}"))).contains("is not a field of a case file");
    }

    @Test
    void theMapperBehindRiskJsonHasNoDefaultTyping() throws IllegalAccessException {
        List<ObjectMapper> mappers = new ArrayList<>();
        collectMappers(RiskJson.create(), mappers);

        assertThat(mappers).as("the mapper RiskJson reads with").isNotEmpty().allSatisfy(m -> {
            JavaType any = m.constructType(Object.class);
            assertThat(m.getDeserializationConfig().getDefaultTyper(any)).as("default typing when reading").isNull();
            assertThat(m.getSerializationConfig().getDefaultTyper(any)).as("default typing when writing").isNull();
        });
    }

    @Test
    void theCanaryMechanismDoesFlipWhenAClassIsLoaded() throws ClassNotFoundException {
        Class.forName(NoCodeThroughJsonTest.class.getName() + "$ControlCanary", true, getClass().getClassLoader());

        assertThat(CONTROL_TOUCHED).isTrue();
    }

    /** Follows the fields of this project's objects, collecting the Jackson mappers they hold. */
    private static void collectMappers(Object o, List<ObjectMapper> mappers) throws IllegalAccessException {
        if (o instanceof ObjectMapper m) {
            mappers.add(m);
            return;
        }
        if (o == null || !o.getClass().getName().startsWith("io.github.creditrisk.")) {
            return;
        }
        for (Field field : o.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                field.setAccessible(true);
                collectMappers(field.get(o), mappers);
            }
        }
    }

    private static String rejection(Runnable reading) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class, reading::run);
        assertThat(e).as("rejected").isNotNull();
        return e.getMessage();
    }
}

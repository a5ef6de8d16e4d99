package io.github.creditrisk.drools.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecurringTest {

    /** Asks for {@code key}, making and remembering its value when it is not known, as the writer does. */
    private static String ask(Recurring<Integer, String> table, int key) {
        if (!table.worthAsking()) {
            return "made " + key;
        }
        String known = table.get(key);
        if (known == null) {
            known = "made " + key;
            table.put(key, known);
        }
        return known;
    }

    @Test
    void valuesThatRecurAreMadeOnceAndAskedForEveryTime() {
        Recurring<Integer, String> table = new Recurring<>(100, 1);
        for (int i = 0; i < 10 * Recurring.SAMPLE; i++) {
            ask(table, i % 50);
            assertThat(table.worthAsking()).isTrue();
        }
        String first = table.get(7);
        assertThat(table.get(7)).isSameAs(first).isEqualTo("made 7");
    }

    @Test
    void aTableAskedInVainPausesThenTriesAgain() {
        Recurring<Integer, String> table = new Recurring<>(100_000, 1);
        int key = 0;
        for (int i = 0; i < Recurring.SAMPLE; i++) {
            ask(table, key++); // never the same twice
        }
        // the verdict: not worth asking, and what it kept is let go
        assertThat(table.get(0)).isNull();
        int paused = 0;
        while (!table.worthAsking()) {
            paused++;
        }
        assertThat(paused).isEqualTo(Recurring.PAUSE);
        // asking again: recurring values are found again
        for (int i = 0; i < Recurring.SAMPLE; i++) {
            ask(table, i % 10);
        }
        assertThat(table.worthAsking()).isTrue();
        assertThat(table.get(3)).isEqualTo("made 3");
    }

    /** Counting one question in 16, at random: a table asked in vain still pauses, for about as long. */
    @Test
    void sampledCountsGiveTheSameVerdicts() {
        Recurring<Integer, String> vain = new Recurring<>(1_000_000);
        Recurring<Integer, String> recurring = new Recurring<>(1_000_000);
        int pausedFor = 0;
        for (int i = 0; i < 20 * Recurring.SAMPLE; i++) {
            ask(vain, i);
            ask(recurring, i % 100);
            if (!vain.worthAsking()) {
                pausedFor++;
            }
            assertThat(recurring.worthAsking()).isTrue();
        }
        // paused after about SAMPLE questions, for about PAUSE questions (each question above asks twice)
        assertThat(pausedFor).isBetween(Recurring.PAUSE / 4, 20 * Recurring.SAMPLE);
    }

    @Test
    void aFullTableStartsAfresh() {
        Recurring<Integer, String> table = new Recurring<>(10);
        for (int i = 0; i < 10; i++) {
            table.put(i, "v" + i);
        }
        assertThat(table.get(9)).isEqualTo("v9");
        table.put(10, "v10"); // full: replaced by an empty table
        assertThat(table.get(9)).isNull();
    }
}

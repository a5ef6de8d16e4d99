package io.github.creditrisk.drools.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Values made once and shared while they keep recurring, by what they were made from: a bounded table for the
 * engine's hot path. When it is full it is replaced by an empty one (cheaper than {@code clear()}, which visits
 * every bin), so what recurs is made again at once and what did not recur is let go. Thread-safe.
 *
 * <p>A table whose values turn out not to recur (each borrower's own amounts, say) only costs: looking up,
 * remembering and letting go of what is never asked for again. So it watches how often it is asked in vain,
 * and when fewer than one question in {@value #WORTH} finds a value, it is {@linkplain #worthAsking() not
 * worth asking} for a while ({@value #PAUSE} questions), after which it tries again.
 *
 * <p>Threads share the table, so the watching must not make every question a write to memory they share
 * (the cache line would go back and forth between cores): only one question in {@code sampleEvery}, picked at
 * random by the asking thread, is counted, and a pause is counted down the same way. The counts are hints,
 * which threads may race on; that only shifts when a pause starts or ends, never what a value is.
 *
 * @param <K> what a value is made from; equal keys must make equal values
 * @param <V> the value
 */
final class Recurring<K, V> {

    /** How many questions a verdict on recurrence is based on. */
    static final int SAMPLE = 1024;
    /** A table is worth asking while at least one question in this many finds a value. */
    static final int WORTH = 8;
    /** How many questions a table not worth asking lets pass before it tries again. */
    static final int PAUSE = 16 * SAMPLE;
    /** One question in this many is counted, by default. */
    static final int SAMPLE_EVERY = 16;

    private final int capacity;
    private final int sampleEvery;
    private volatile Map<K, V> table;
    private int asked;
    private int found;
    private int paused;

    Recurring(int capacity) {
        this(capacity, SAMPLE_EVERY);
    }

    /** @param sampleEvery one question in this many is counted (a power of two; 1 counts every question) */
    Recurring(int capacity, int sampleEvery) {
        if (Integer.bitCount(sampleEvery) != 1) {
            throw new IllegalArgumentException("sampleEvery must be a power of two: " + sampleEvery);
        }
        this.capacity = capacity;
        this.sampleEvery = sampleEvery;
        this.table = fresh();
    }

    private boolean counted() {
        return sampleEvery == 1 || (ThreadLocalRandom.current().nextInt() & (sampleEvery - 1)) == 0;
    }

    /**
     * Whether to look the value up at all: {@code false} while the table is pausing because its values were
     * found not to recur (the caller then makes the value without asking, and does not {@link #put} it).
     */
    boolean worthAsking() {
        if (paused > 0) {
            if (counted()) {
                paused--;
            }
            return false;
        }
        return true;
    }

    /** The value made from {@code key}, or {@code null} when it is not known (now). */
    V get(K key) {
        V value = table.get(key);
        if (counted()) {
            int a = ++asked;
            if (value != null) {
                found++;
            }
            if (a >= SAMPLE / sampleEvery) {
                if (found * WORTH < a) {
                    paused = PAUSE / sampleEvery;
                    table = fresh(); // what was kept did not recur: let it go
                }
                asked = 0;
                found = 0;
            }
        }
        return value;
    }

    /** Remembers {@code value} as made from {@code key}. */
    void put(K key, V value) {
        Map<K, V> current = table;
        if (current.size() >= capacity) {
            table = fresh();
        } else {
            current.put(key, value);
        }
    }

    private Map<K, V> fresh() {
        return new ConcurrentHashMap<>(Math.min(2 * capacity, 1024));
    }
}

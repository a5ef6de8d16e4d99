package io.github.creditrisk.drools.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values made once and shared while they keep recurring, by what they were made from: a bounded table for the
 * engine's hot path. When it is full it is replaced by an empty one (cheaper than {@code clear()}, which visits
 * every bin), so what recurs is made again at once and what did not recur is let go. Thread-safe.
 *
 * @param <K> what a value is made from; equal keys must make equal values
 * @param <V> the value
 */
final class Recurring<K, V> {

    private final int capacity;
    private volatile Map<K, V> table;

    Recurring(int capacity) {
        this.capacity = capacity;
        this.table = fresh();
    }

    /** The value made from {@code key}, or {@code null} when it is not known (now). */
    V get(K key) {
        return table.get(key);
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

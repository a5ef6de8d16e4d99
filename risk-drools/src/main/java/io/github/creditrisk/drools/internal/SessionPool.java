package io.github.creditrisk.drools.internal;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The idle sessions of an engine, kept so that a thread usually gets back the session it used last.
 *
 * <p>A session is large (its working memory, its network's node memories, the facts of up to 255 decided
 * borrowers), and the core that used it last has much of it in its cache. With one shared stack of idle
 * sessions, two threads deciding one borrower at a time keep trading sessions, and each decision starts by
 * fetching its session from the other core's cache; both also write the stack's head twice per decision. So each
 * thread has a home place, picked by its id, where it leaves its session and looks for one first. Places are a
 * cache line apart, so threads at different places share no memory they write. A thread whose place is taken
 * (two threads whose ids pick one place, or a thread using two sessions at once) uses a shared stack instead, and a
 * thread that finds neither its own session nor one on the stack takes another thread's before a new one is made.
 *
 * <p>Nothing is held per thread: the pool holds at most one session per place plus those on the stack (no more
 * than were ever in use at once), so short-lived threads (a virtual thread per request, say) leave nothing
 * behind. Every session is taken and left with an atomic exchange, so a session is never in two hands, and
 * {@link #drain} takes every idle session out.
 *
 * @param <S> a session ({@link SessionSlot}; anything, to the tests)
 */
final class SessionPool<S> {

    /** References a cache line apart (64 bytes: 16 compressed references, 8 uncompressed). */
    private static final int SPACING = 16;

    private final AtomicReferenceArray<S> places;
    private final int mask;
    private final ConcurrentLinkedDeque<S> shared = new ConcurrentLinkedDeque<>();

    /** A pool with room for at least {@code threads} threads to have a place of their own. */
    SessionPool(int threads) {
        int count = Integer.highestOneBit(Math.max(2, threads) * 4); // a few times the threads, a power of two
        this.mask = count - 1;
        this.places = new AtomicReferenceArray<>(count * SPACING);
    }

    /**
     * An idle session: the calling thread's own when it left one, else one from the shared stack, else one left at
     * another thread's place (rather than make a new one); {@code null} when none is idle.
     */
    S take() {
        int home = home();
        S slot = places.getAndSet(home, null);
        if (slot == null) {
            slot = shared.pollFirst();
        }
        for (int i = 0; slot == null && i < places.length(); i += SPACING) {
            if (i != home && places.get(i) != null) {
                slot = places.getAndSet(i, null);
            }
        }
        return slot;
    }

    /** Leaves an idle session at the calling thread's place, or on the shared stack when that is taken. */
    void leave(S slot) {
        if (!places.compareAndSet(home(), null, slot)) {
            shared.offerFirst(slot);
        }
    }

    /** Takes out one idle session, whoever left it; {@code null} when none is left. */
    S drain() {
        for (int i = 0; i < places.length(); i += SPACING) {
            S slot = places.getAndSet(i, null);
            if (slot != null) {
                return slot;
            }
        }
        return shared.pollFirst();
    }

    /**
     * The calling thread's place: by its id, which the JDK hands out in sequence, so the threads of a pool (made
     * one after another) have places of their own until there are more threads than places.
     */
    private int home() {
        return ((int) Thread.currentThread().getId() & mask) * SPACING;
    }
}

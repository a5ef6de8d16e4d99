package io.github.creditrisk.drools.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The pool of idle sessions")
class SessionPoolTest {

    /** A stand-in session that knows who holds it. */
    static final class Session {
        final AtomicReference<Thread> holder = new AtomicReference<>();
    }

    @Test
    void anEmptyPoolHasNothingToGive() {
        SessionPool<Session> pool = new SessionPool<>(2);
        assertThat(pool.take()).isNull();
        assertThat(pool.drain()).isNull();
    }

    @Test
    void aThreadGetsBackTheSessionItLeft() throws Exception {
        SessionPool<Session> pool = new SessionPool<>(2);
        Session mine = new Session();
        Session theirs = new Session();
        pool.leave(mine);
        runOnAnotherThread(() -> pool.leave(theirs));

        assertThat(pool.take()).isSameAs(mine);
        assertThat(pool.take()).as("then the other thread's, rather than none").isSameAs(theirs);
        assertThat(pool.take()).isNull();
    }

    @Test
    void aThreadUsingSeveralSessionsAtOnceLosesNone() {
        SessionPool<Session> pool = new SessionPool<>(2);
        List<Session> left = List.of(new Session(), new Session(), new Session());
        left.forEach(pool::leave);

        Set<Session> taken = new HashSet<>();
        Session s;
        while ((s = pool.take()) != null) {
            assertThat(taken.add(s)).as("taken twice").isTrue();
        }
        assertThat(taken).containsExactlyInAnyOrderElementsOf(left);
    }

    @Test
    void drainingTakesOutEverySessionLeftByAnyThreadOnce() throws Exception {
        SessionPool<Session> pool = new SessionPool<>(2);
        Set<Session> left = java.util.concurrent.ConcurrentHashMap.newKeySet();
        onThreads(16, () -> {
            for (int i = 0; i < 5; i++) {
                Session s = new Session();
                left.add(s);
                pool.leave(s);
            }
        });
        List<Session> drained = drainAll(pool);
        assertThat(drained).as("drained twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(drained)).hasSize(80).isEqualTo(left);
    }

    @Test
    void noSessionIsEverInTwoHands() throws Exception {
        SessionPool<Session> pool = new SessionPool<>(2);
        Set<Session> made = java.util.concurrent.ConcurrentHashMap.newKeySet();
        onThreads(6, () -> {
            for (int i = 0; i < 20_000; i++) {
                Session s = pool.take();
                if (s == null) {
                    s = new Session();
                    made.add(s);
                }
                assertThat(s.holder.compareAndSet(null, Thread.currentThread()))
                        .as("a session taken while another thread holds it").isTrue();
                Thread.onSpinWait();
                s.holder.set(null);
                pool.leave(s);
            }
        });
        assertThat(new HashSet<>(drainAll(pool))).as("every session made is idle in the pool at the end")
                .isEqualTo(made);
        assertThat(made.size()).as("sessions are reused, not made per use").isLessThan(100);
    }

    private static List<Session> drainAll(SessionPool<Session> pool) {
        List<Session> drained = new ArrayList<>();
        Session s;
        while ((s = pool.drain()) != null) {
            drained.add(s);
        }
        return drained;
    }

    /** Runs {@code body} on {@code count} threads at once, and rethrows what any of them threw. */
    private static void onThreads(int count, Runnable body) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    body.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void runOnAnotherThread(Runnable r) throws InterruptedException {
        Thread t = new Thread(r);
        t.start();
        t.join();
    }
}

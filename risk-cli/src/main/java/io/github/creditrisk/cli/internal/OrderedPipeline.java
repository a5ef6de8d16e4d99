package io.github.creditrisk.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams items through a function on several threads and hands the results on in input order, with a
 * bounded number of items in flight, so memory stays flat however long the input is; work that hangs or throws
 * costs only its own items.
 *
 * <p>One thread reads the input and cuts it into chunks; worker threads apply the function to whole chunks;
 * the calling thread takes the chunks back in order and passes each result to the sink. Reading, working
 * and writing overlap.
 *
 * <p>The calling thread waits for a chunk at most {@code stuckAfter}, counted from the moment a worker started
 * it. A chunk still running then is <em>abandoned</em>: a Java thread cannot be stopped safely, so its worker
 * is interrupted (which ends work that waits) and left to finish on its own as a daemon, and a fresh thread takes
 * its place. The chunk's items are then worked on again one at a time, each as a chunk of one watched from its
 * own start, so that only the items that hang on their own time out; the others give their results as usual.
 * A chunk whose function throws (an exception, or an error such as {@link StackOverflowError} or
 * {@link OutOfMemoryError}) is worked on again item by item the same way. An item that still runs past
 * {@code stuckAfter} or still throws on its own gets its result from the {@link Fallback}.
 *
 * <p>An abandoned thread may go on using a core for as long as its work runs. When a thread has to be
 * abandoned while {@code maxAbandoned} abandoned threads are still running, the pipeline stops applying the
 * function: every item left is still read, and gets its result from {@link Fallback#skipped}, so that every item
 * still has its result.
 *
 * <p>An instance holds only its settings: it may run any number of times, also at once from several threads.
 *
 * @param <I> an input item, such as a line
 * @param <R> a result
 */
public final class OrderedPipeline<I, R> {

    private final int threads;
    private final int chunkSize;
    private final long stuckAfterNanos;
    private final int maxAbandoned;

    /**
     * @param threads      worker threads (at least 1)
     * @param chunkSize    items per unit of work: large enough to amortise hand-offs, small enough to keep
     *                     every thread busy
     * @param stuckAfter   how long a chunk may run, from the moment a worker starts it, before its thread is
     *                     abandoned; positive
     * @param maxAbandoned how many abandoned threads may still be running before the pipeline stops applying the
     *                     function (at least 0)
     * @throws IllegalArgumentException when {@code stuckAfter} is not positive or {@code maxAbandoned} negative
     */
    public OrderedPipeline(int threads, int chunkSize, Duration stuckAfter, int maxAbandoned) {
        Objects.requireNonNull(stuckAfter, "stuckAfter");
        if (stuckAfter.isNegative() || stuckAfter.isZero()) {
            throw new IllegalArgumentException("stuckAfter " + stuckAfter + " is not positive");
        }
        if (maxAbandoned < 0) {
            throw new IllegalArgumentException("maxAbandoned " + maxAbandoned + " is negative");
        }
        this.threads = Math.max(1, threads);
        this.chunkSize = Math.max(1, chunkSize);
        this.stuckAfterNanos = stuckAfter.toNanos();
        this.maxAbandoned = maxAbandoned;
    }

    /**
     * Runs the pipeline to the end of {@code input}, with a function that takes a whole chunk at a time (cheaper
     * in bulk, such as deciding a batch of borrowers). It returns the results of the chunk's items, in order
     * (usually one per item); it is called from several threads at once, and again for single items of a chunk
     * that hung or threw.
     *
     * @param input    the items; read on a thread of its own
     * @param work     what to do with a chunk
     * @param fallback the results of items whose work hung or threw on its own, and of items left once the
     *                 pipeline stopped applying the function
     * @param sink     takes every result, in input order, on the calling thread (as does {@code fallback})
     * @return what happened to the items the function did not give results for
     * @throws PipelineException when reading the input fails (the cause says why); results before the failure
     *                           have been passed to the sink
     */
    public Report run(Iterator<I> input, Function<List<I>, List<R>> work, Fallback<I, R> fallback,
                      Consumer<R> sink) {
        return new Run(Objects.requireNonNull(input, "input"), Objects.requireNonNull(work, "work"),
                Objects.requireNonNull(fallback, "fallback"), Objects.requireNonNull(sink, "sink")).run();
    }

    /**
     * The results the pipeline gives in place of the function's, each passed to the sink like the function's
     * results. Called on the thread running the pipeline, in input order.
     *
     * @param <I> an input item
     * @param <R> a result
     */
    public interface Fallback<I, R> {

        /** The result of an item whose work, alone, ran past {@code stuckAfter}; its thread was abandoned. */
        R stuck(I item);

        /** The result of an item whose work, alone, threw {@code error}. */
        R failed(I item, Throwable error);

        /**
         * The result of an item left unworked because the pipeline stopped applying the function, after
         * {@code stuckItems} items were {@linkplain #stuck stuck}.
         */
        R skipped(I item, long stuckItems);
    }

    /**
     * What a run did besides applying the function.
     *
     * @param stuck     items that ran past {@code stuckAfter} alone
     * @param failed    items whose work threw alone
     * @param skipped   items left unworked after the pipeline stopped applying the function
     * @param abandoned threads abandoned during the run
     * @param stopped   whether the pipeline stopped applying the function (too many abandoned threads running)
     */
    public record Report(long stuck, long failed, long skipped, int abandoned, boolean stopped) {
    }

    /** One run: its queues, its threads and its counts. */
    private final class Run {
        private final Iterator<I> input;
        private final Function<List<I>, List<R>> work;
        private final Fallback<I, R> fallback;
        private final Consumer<R> sink;

        /** The chunks in input order, for the calling thread; bounded, so that reading waits for writing. */
        private final BlockingQueue<Job<I, R>> inFlight = new ArrayBlockingQueue<>(threads * 4);
        /** The chunks waiting for a worker (no more than are in flight). */
        private final BlockingQueue<Job<I, R>> chunks = new LinkedBlockingQueue<>();
        /**
         * The single items worked on again, on a thread of their own: they are the head of the line, so they
         * never wait behind chunks (which may be stuck themselves).
         */
        private final BlockingQueue<Job<I, R>> alone = new LinkedBlockingQueue<>();
        private final Set<Thread> live = ConcurrentHashMap.newKeySet();
        private final AtomicInteger abandonedRunning = new AtomicInteger();
        private volatile boolean stopped;
        private boolean aloneStarted;
        private long stuck;
        private long failed;
        private long skipped;
        private int abandoned;

        Run(Iterator<I> input, Function<List<I>, List<R>> work, Fallback<I, R> fallback, Consumer<R> sink) {
            this.input = input;
            this.work = work;
            this.fallback = fallback;
            this.sink = sink;
        }

        Report run() {
            Thread reader = daemon("risk-reader", this::read);
            reader.start();
            for (int i = 0; i < threads; i++) {
                startWorker(chunks);
            }
            try {
                while (true) {
                    Job<I, R> job = inFlight.take();
                    if (job.readFailure != null) {
                        throw new PipelineException(job.readFailure);
                    }
                    if (job.items == null) {
                        return new Report(stuck, failed, skipped, abandoned, stopped);
                    }
                    decide(job);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineException(e);
            } finally {
                reader.interrupt();
                live.forEach(Thread::interrupt);
            }
        }

        private void read() {
            try {
                while (input.hasNext()) {
                    List<I> chunk = new ArrayList<>(chunkSize);
                    while (chunk.size() < chunkSize && input.hasNext()) {
                        chunk.add(input.next());
                    }
                    Job<I, R> job = new Job<>(chunk, null);
                    inFlight.put(job);
                    if (!stopped) {
                        chunks.add(job);
                    }
                }
                inFlight.put(new Job<>(null, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                putQuietly(new Job<>(null, e));
            }
        }

        /** Passes on the results of a chunk, or of its items one by one when it hung or threw. */
        private void decide(Job<I, R> job) throws InterruptedException {
            if (stopped) {
                job.items.forEach(this::skip);
                return;
            }
            Job.State state = job.await(stuckAfterNanos);
            if (state == Job.State.DONE && job.error == null) {
                job.results.forEach(sink);
                return;
            }
            if (job.items.size() == 1) {
                settleAlone(job);
                return;
            }
            if (state == Job.State.ABANDONED) {
                abandon(job);
            }
            for (I item : job.items) {
                if (stopped) {
                    skip(item);
                } else {
                    Job<I, R> one = new Job<>(List.of(item), null);
                    if (!aloneStarted) {
                        aloneStarted = true;
                        startWorker(alone);
                    }
                    alone.add(one);
                    one.await(stuckAfterNanos);
                    settleAlone(one);
                }
            }
        }

        /** Passes on the outcome of a chunk of one item, once it finished or was found stuck. */
        private void settleAlone(Job<I, R> job) {
            I item = job.items.get(0);
            if (job.state() == Job.State.ABANDONED) {
                abandon(job);
                stuck++;
                sink.accept(fallback.stuck(item));
            } else if (job.error != null) {
                failed++;
                sink.accept(fallback.failed(item, job.error));
            } else {
                job.results.forEach(sink);
            }
        }

        private void skip(I item) {
            skipped++;
            sink.accept(fallback.skipped(item, stuck));
        }

        /** Leaves a stuck job's thread to itself, puts a fresh one in its place, and stops when too many run. */
        private void abandon(Job<I, R> job) {
            abandoned++;
            live.remove(job.runner.thread);
            job.runner.thread.interrupt();
            startWorker(job.runner.queue);
            if (abandonedRunning.incrementAndGet() > maxAbandoned) {
                stopped = true;
                chunks.clear();
            }
        }

        private void startWorker(BlockingQueue<Job<I, R>> queue) {
            Worker worker = new Worker(queue);
            worker.thread = daemon(queue == alone ? "risk-worker-alone" : "risk-worker", worker);
            live.add(worker.thread);
            worker.thread.start();
        }

        private void putQuietly(Job<I, R> job) {
            try {
                inFlight.put(job);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Works on the jobs of one queue until the run ends or its current job is abandoned. */
        private final class Worker implements Runnable {
            private final BlockingQueue<Job<I, R>> queue;
            private Thread thread;

            Worker(BlockingQueue<Job<I, R>> queue) {
                this.queue = queue;
            }

            @Override
            public void run() {
                try {
                    while (true) {
                        Job<I, R> job = queue.take();
                        if (!job.start(this, stopped)) {
                            continue;
                        }
                        List<R> results = null;
                        Throwable error = null;
                        try {
                            results = work.apply(job.items);
                        } catch (Throwable e) {
                            error = e;
                        }
                        if (!job.finish(results, error)) {
                            abandonedRunning.decrementAndGet(); // a fresh thread works in this one's place
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    // the run is over
                }
            }
        }
    }

    /**
     * A chunk and what became of it. Its worker and the calling thread meet on its lock: the worker starts and
     * finishes it, the calling thread waits for it and may abandon it, and whichever comes first settles it.
     */
    private static final class Job<I, R> {
        enum State { QUEUED, RUNNING, DONE, ABANDONED, SKIPPED }

        /** The items; {@code null} for the end of the input. */
        final List<I> items;
        /** Why the input could not be read; {@code null} for a chunk. */
        final Throwable readFailure;
        private State state = State.QUEUED;
        private long startedAt;
        private OrderedPipeline<I, R>.Run.Worker runner;
        private List<R> results;
        private Throwable error;

        Job(List<I> items, Throwable readFailure) {
            this.items = items;
            this.readFailure = readFailure;
        }

        /** Starts the job on {@code worker}; {@code false} when it is not to be worked on. */
        synchronized boolean start(OrderedPipeline<I, R>.Run.Worker worker, boolean stopped) {
            if (state != State.QUEUED) {
                return false;
            }
            state = stopped ? State.SKIPPED : State.RUNNING;
            startedAt = System.nanoTime();
            runner = worker;
            notifyAll();
            return !stopped;
        }

        /** Settles the job with its outcome; {@code false} when it was abandoned meanwhile. */
        synchronized boolean finish(List<R> results, Throwable error) {
            if (state == State.ABANDONED) {
                return false;
            }
            this.results = results;
            this.error = error;
            state = State.DONE;
            notifyAll();
            return true;
        }

        /**
         * Waits until the job is done, or abandons it once it has run {@code stuckAfterNanos} since it started.
         * It starts soon: workers take jobs in the order they were queued, and a job that was abandoned left a
         * fresh worker in its place.
         */
        synchronized State await(long stuckAfterNanos) throws InterruptedException {
            while (state == State.QUEUED) {
                wait();
            }
            while (state == State.RUNNING) {
                long left = startedAt + stuckAfterNanos - System.nanoTime();
                if (left <= 0) {
                    state = State.ABANDONED;
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return state;
        }

        synchronized State state() {
            return state;
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** Reading the input failed; the cause says why. */
    public static final class PipelineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PipelineException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}

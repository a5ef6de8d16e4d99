package io.github.creditrisk.cli.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams items through a function on several threads and hands the results on in input order, with a
 * bounded number of items in flight, so memory stays flat however long the input is.
 *
 * <p>One thread reads the input and cuts it into chunks; worker threads apply the function to whole chunks;
 * the calling thread takes the chunks back in order and passes each result to the sink. Reading, working
 * and writing overlap.
 *
 * @param <I> an input item, such as a line
 * @param <R> a result
 */
public final class OrderedPipeline<I, R> {

    private final int threads;
    private final int chunkSize;

    /**
     * @param threads   worker threads (at least 1)
     * @param chunkSize items per unit of work: large enough to amortise hand-offs, small enough to keep
     *                  every thread busy
     */
    public OrderedPipeline(int threads, int chunkSize) {
        this.threads = Math.max(1, threads);
        this.chunkSize = Math.max(1, chunkSize);
    }

    /**
     * Runs the pipeline to the end of {@code input}.
     *
     * @throws PipelineException when reading the input fails (the cause says why); results before the
     *                           failure have been passed to the sink
     */
    public void run(Iterator<I> input, Function<I, R> work, Consumer<R> sink) {
        runChunked(input, chunk -> {
            List<R> results = new ArrayList<>(chunk.size());
            for (I item : chunk) {
                results.add(work.apply(item));
            }
            return results;
        }, sink);
    }

    /**
     * Runs the pipeline with a function that takes a whole chunk at a time (for work that is cheaper in bulk,
     * such as deciding a batch of borrowers); it must return one result per item, in order.
     *
     * @throws PipelineException when reading the input fails (the cause says why)
     */
    public void runChunked(Iterator<I> input, Function<List<I>, List<R>> work, Consumer<R> sink) {
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("risk-worker"));
        BlockingQueue<Future<List<R>>> inFlight = new ArrayBlockingQueue<>(threads * 4);
        Thread reader = daemon("risk-reader").newThread(() -> {
            try {
                while (input.hasNext()) {
                    List<I> chunk = new ArrayList<>(chunkSize);
                    while (chunk.size() < chunkSize && input.hasNext()) {
                        chunk.add(input.next());
                    }
                    inFlight.put(workers.submit(() -> work.apply(chunk)));
                }
                inFlight.put(CompletableFuture.completedFuture(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                putQuietly(inFlight, CompletableFuture.failedFuture(new PipelineException(e)));
            }
        });
        reader.start();
        try {
            while (true) {
                List<R> results = inFlight.take().get();
                if (results == null) {
                    return;
                }
                results.forEach(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PipelineException p ? p : new PipelineException(e.getCause());
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
    }

    private static <T> void putQuietly(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Reading the input or applying the function failed; the cause says why. */
    public static final class PipelineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PipelineException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}

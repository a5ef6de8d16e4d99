package io.github.creditrisk.cli.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("OrderedPipeline: results in input order, whatever the work does")
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OrderedPipelineTest {

    private static final Duration STUCK_AFTER = Duration.ofMillis(200);

    /** Released after each test, so that the threads the pipeline abandoned end instead of lingering. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseTheAbandonedThreads() {
        release.countDown();
    }

    /** Work that, for the items in {@code hanging}, never returns, as code inside one rule firing would not. */
    private Function<List<Integer>, List<String>> hangingOn(Set<Integer> hanging) {
        return chunk -> {
            List<String> results = new ArrayList<>();
            for (int i : chunk) {
                if (hanging.contains(i)) {
                    awaitReleaseIgnoringInterrupts();
                }
                results.add(String.valueOf(i));
            }
            return results;
        };
    }

    private void awaitReleaseIgnoringInterrupts() {
        while (true) {
            try {
                release.await();
                return;
            } catch (InterruptedException e) {
                // like code that cannot be stopped: an interrupt does not end it
            }
        }
    }

    /** What a caller gives for the items the work gives no result for. */
    private static final OrderedPipeline.Fallback<Integer, String> FALLBACK = new OrderedPipeline.Fallback<>() {
        @Override
        public String stuck(Integer item) {
            return "stuck " + item;
        }

        @Override
        public String failed(Integer item, Throwable error) {
            return "failed " + item + " " + error.getClass().getSimpleName();
        }

        @Override
        public String skipped(Integer item, long stuckItems) {
            return "skipped " + item + " after " + stuckItems;
        }
    };

    private record Ran(List<String> results, OrderedPipeline.Report report, long millis) {
    }

    private static Ran run(OrderedPipeline<Integer, String> pipeline, int items,
                           Function<List<Integer>, List<String>> work) {
        List<String> results = new ArrayList<>();
        long start = System.nanoTime();
        OrderedPipeline.Report report = pipeline.run(IntStream.range(0, items).boxed().iterator(), work, FALLBACK,
                results::add);
        return new Ran(results, report, (System.nanoTime() - start) / 1_000_000);
    }

    private static List<String> expected(int items, IntFunction<String> special) {
        List<String> results = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String s = special.apply(i);
            results.add(s != null ? s : String.valueOf(i));
        }
        return results;
    }

    @Test
    void anItemWhoseWorkNeverReturnsGetsTheStuckResultAndEveryOtherItemComesOutInOrder() {
        OrderedPipeline<Integer, String> pipeline = new OrderedPipeline<>(2, 8, STUCK_AFTER, 10);

        Ran ran = run(pipeline, 100, hangingOn(Set.of(37)));

        assertThat(ran.results()).containsExactlyElementsOf(expected(100, i -> i == 37 ? "stuck 37" : null));
        // its chunk's thread and then its own thread were abandoned
        assertThat(ran.report()).isEqualTo(new OrderedPipeline.Report(1, 0, 0, 2, false));
        // two waits of stuckAfter (the chunk, then the item alone), not a hang
        assertThat(ran.millis()).isLessThan(STUCK_AFTER.toMillis() * 10);
    }

    @Test
    void onlyTheItemsThatHangAloneTimeOutWhenAChunkHangsOnlyAsAWhole() {
        OrderedPipeline<Integer, String> pipeline = new OrderedPipeline<>(2, 8, STUCK_AFTER, 10);
        Function<List<Integer>, List<String>> hangsInABatchWithItem3 = chunk -> {
            if (chunk.size() > 1 && chunk.contains(3)) {
                awaitReleaseIgnoringInterrupts();
            }
            return chunk.stream().map(String::valueOf).toList();
        };

        Ran ran = run(pipeline, 20, hangsInABatchWithItem3);

        assertThat(ran.results()).containsExactlyElementsOf(expected(20, i -> null));
        assertThat(ran.report()).isEqualTo(new OrderedPipeline.Report(0, 0, 0, 1, false));
    }

    @Test
    void theTimeLimitCountsFromWhenAWorkerStartsAChunkNotFromWhenItWasQueued() {
        // one worker, chunks of one, each 100 ms: the last ones wait far longer than stuckAfter in the queue
        OrderedPipeline<Integer, String> pipeline = new OrderedPipeline<>(1, 1, Duration.ofSeconds(1), 10);
        Function<List<Integer>, List<String>> slowButSteady = chunk -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(String.valueOf(chunk.get(0)));
        };

        Ran ran = run(pipeline, 15, slowButSteady);

        assertThat(ran.results()).containsExactlyElementsOf(expected(15, i -> null));
        assertThat(ran.report().abandoned()).isZero();
    }

    @Test
    void onceTooManyAbandonedThreadsAreRunningEveryItemLeftIsStillReadAndGetsTheSkippedResult() {
        // at most two abandoned threads: item 5 costs two (its chunk's, its own), item 9's chunk a third
        OrderedPipeline<Integer, String> pipeline = new OrderedPipeline<>(1, 4, STUCK_AFTER, 2);
        Iterator<Integer> input = IntStream.range(0, 40).boxed().iterator();
        List<String> results = new ArrayList<>();

        OrderedPipeline.Report report = pipeline.run(input, hangingOn(Set.of(5, 9)), FALLBACK, results::add);

        assertThat(results).containsExactlyElementsOf(expected(40,
                i -> i == 5 ? "stuck 5" : i >= 8 ? "skipped " + i + " after 1" : null));
        assertThat(input.hasNext()).isFalse();
        assertThat(report).isEqualTo(new OrderedPipeline.Report(1, 0, 32, 3, true));
    }

    @Test
    void anItemWhoseWorkThrowsGetsTheFailedResultAndTheOthersAreDecidedAsUsual() {
        OrderedPipeline<Integer, String> pipeline = new OrderedPipeline<>(2, 8, STUCK_AFTER, 10);
        Function<List<Integer>, List<String>> throwing = chunk -> {
            for (int i : chunk) {
                switch (i) {
                    case 13 -> throw new IllegalStateException("item 13");
                    case 20 -> throw new StackOverflowError();
                    case 41 -> throw new OutOfMemoryError("Requested array size exceeds VM limit");
                    default -> {
                    }
                }
            }
            return chunk.stream().map(String::valueOf).toList();
        };

        Ran ran = run(pipeline, 50, throwing);

        assertThat(ran.results()).containsExactlyElementsOf(expected(50, i -> switch (i) {
            case 13 -> "failed 13 IllegalStateException";
            case 20 -> "failed 20 StackOverflowError";
            case 41 -> "failed 41 OutOfMemoryError";
            default -> null;
        }));
        assertThat(ran.report()).isEqualTo(new OrderedPipeline.Report(0, 3, 0, 0, false));
    }

    @Test
    void aFailureToReadTheInputEndsTheRunAfterTheResultsBeforeIt() {
        OrderedPipeline<Integer, String> pipeline = new OrderedPipeline<>(2, 4, STUCK_AFTER, 10);
        Iterator<Integer> failingAt10 = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == 10) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
                }
                return true;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
        List<String> results = new ArrayList<>();

        assertThatThrownBy(() -> pipeline.run(failingAt10, hangingOn(Set.of()), FALLBACK, results::add))
                .isInstanceOf(OrderedPipeline.PipelineException.class)
                .hasMessageContaining("disk gone");
        assertThat(results).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
    }
}

package io.github.creditrisk.live;

import io.github.creditrisk.RiskEngines;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Watches a directory tree and calls back once edits have settled: after a change, it waits until nothing
 * has changed for the settle time, so that a save made of several writes (or an editor's temporary files)
 * gives one callback. New subdirectories are watched as they appear. What a rule set does not read is not
 * watched, and changes to it are ignored: hidden files and directories and directories named {@code target}
 * below the root ({@link io.github.creditrisk.spi.RiskEngineProvider#isLeftOut(Path)}), so a build writing its output beside the rules
 * starts no reload. Runs on its own daemon thread.
 */
public final class DirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

    private final Path root;
    private final Predicate<Path> leftOut;
    private final long settleMillis;
    private final Runnable onSettled;
    private final WatchService watchService;
    private final Thread thread;

    public DirectoryWatcher(Path root, Duration settle, Runnable onSettled) throws IOException {
        this(root, RiskEngines.provider(null, DirectoryWatcher.class.getClassLoader())::isLeftOut, settle, onSettled);
    }

    /**
     * Watches {@code root} and the directories below it except those {@code leftOut} names (given paths relative
     * to the root), calling {@code onSettled} once changes have settled for {@code settle}.
     */
    public DirectoryWatcher(Path root, Predicate<Path> leftOut, Duration settle, Runnable onSettled)
            throws IOException {
        this.root = root;
        this.leftOut = leftOut;
        this.settleMillis = Math.max(1, settle.toMillis());
        this.onSettled = onSettled;
        this.watchService = FileSystems.getDefault().newWatchService();
        registerTree(root);
        this.thread = new Thread(this::loop, "risk-rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) throws IOException {
                if (ignored(d)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                d.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Whether {@code path} (below the root) lies where the rule set does not read. */
    private boolean ignored(Path path) {
        return leftOut.test(root.relativize(path));
    }

    private void loop() {
        boolean dirty = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = dirty ? watchService.poll(settleMillis, TimeUnit.MILLISECONDS) : watchService.take();
                if (key == null) {
                    dirty = false;
                    try {
                        onSettled.run();
                    } catch (RuntimeException e) {
                        LOG.error("reloading the rules in {} failed: {}", root, e.toString());
                    }
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (!(event.context() instanceof Path name)) {
                        dirty = true; // an overflow: events were lost, so anything may have changed
                        continue;
                    }
                    Path changed = ((Path) key.watchable()).resolve(name);
                    if (ignored(changed)) {
                        continue;
                    }
                    dirty = true;
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        registerTree(changed);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("stopped watching {}: {}", root, e.toString());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.warn("closing the watch on {}: {}", root, e.toString());
        }
    }
}

package io.github.creditrisk.live.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a directory tree and calls back once edits have settled: after a change, it waits until nothing
 * has changed for the settle time, so that a save made of several writes (or an editor's temporary files)
 * gives one callback. New subdirectories are watched as they appear. Runs on its own daemon thread.
 */
public final class DirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

    private final Path root;
    private final long settleMillis;
    private final Runnable onSettled;
    private final WatchService watchService;
    private final Thread thread;

    public DirectoryWatcher(Path root, Duration settle, Runnable onSettled) throws IOException {
        this.root = root;
        this.settleMillis = Math.max(1, settle.toMillis());
        this.onSettled = onSettled;
        this.watchService = FileSystems.getDefault().newWatchService();
        registerTree(root);
        this.thread = new Thread(this::loop, "risk-rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                d.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
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
                    dirty = true;
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                        Path created = ((Path) key.watchable()).resolve(name);
                        if (Files.isDirectory(created)) {
                            registerTree(created);
                        }
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

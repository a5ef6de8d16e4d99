package io.github.creditrisk.live;

/**
 * Told about every attempt to change the live rules, on the engine's background thread. Must not block for
 * long; a listener that throws is logged and ignored.
 */
@FunctionalInterface
public interface ReloadListener {

    void onReload(ReloadEvent event);
}

package org.backproplab.ui;

import java.util.function.Consumer;

import javafx.application.Platform;

import org.backproplab.data.DataFileException;

/**
 * Reads a data set (MNIST, for the MNIST tab and the gradient-flow lab) on a daemon thread of its own, so the window
 * stays responsive, and hands the result, or a one-line reason it failed, to the JavaFX thread.
 */
public final class BackgroundLoad {

    /** Where a data set loaded in the background is: not asked for yet, loading, there, or not there. */
    public enum State { NOT_LOADED, LOADING, READY, FAILED }

    /** What is read: a data file reader that may fail with a {@link DataFileException}. */
    @FunctionalInterface
    public interface Reader<T> {
        T read() throws DataFileException;
    }

    private BackgroundLoad() {
    }

    /**
     * Starts {@code reader} on a daemon thread named {@code threadName}; then, on the JavaFX thread, gives
     * {@code loaded} what it read, or {@code failed} the reason it could not (the exception's message, or its class
     * name when it has none).
     */
    public static <T> void start(String threadName, Reader<T> reader, Consumer<? super T> loaded,
                                 Consumer<String> failed) {
        Thread loader = new Thread(() -> {
            try {
                T value = reader.read();
                Platform.runLater(() -> loaded.accept(value));
            } catch (DataFileException | RuntimeException e) {
                String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                Platform.runLater(() -> failed.accept(reason));
            }
        }, threadName);
        loader.setDaemon(true);
        loader.start();
    }
}

package org.backproplab.ui.mnist;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;

import org.backproplab.nn.Evaluation;
import org.backproplab.nn.Examples;
import org.backproplab.nn.Model;
import org.backproplab.nn.ModelFile;

/**
 * Save model… and Open model… of the MNIST tab, with {@link ModelFile} (the format the {@code train} command saves):
 * the file is written or read on a worker thread, and an opened model is then tested on the 10,000 test images on
 * another, so the window never waits; what comes back is handed to the {@link MnistTabModel} on the JavaFX thread.
 * A file that cannot be read, or a model that is not for 28×28 digits, changes nothing.
 */
final class ModelFiles {

    /** A model that opened but does not take 784 pixels to 10 digits. */
    static final class NotMnistException extends Exception {
        private static final long serialVersionUID = 1L;
        final String fileName;
        final int inputs;
        final int outputs;

        NotMnistException(Path file, int inputs, int outputs) {
            super(file.getFileName() + ": a model of " + inputs + " inputs and " + outputs + " outputs is not for MNIST");
            this.fileName = file.getFileName().toString();
            this.inputs = inputs;
            this.outputs = outputs;
        }
    }

    private final MnistTabModel tab;
    /** An opened model waits for the test images here when they are not loaded yet. */
    private WeightsSnapshot untested;

    ModelFiles(MnistTabModel tab) {
        this.tab = tab;
    }

    /** Saves the weights the tab shows; the future ends once the file is written (or not). */
    CompletableFuture<Void> save(Path file) {
        WeightsSnapshot weights = tab.shownWeights();
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (weights == null) {
            done.completeExceptionally(new IllegalStateException("there is no trained model to save yet"));
            return done;
        }
        background("mnist-model-save", () -> {
            try {
                ModelFile.save(weights.toModel(), file); // a copy: the weights shown are never written to
                Platform.runLater(() -> done.complete(null));
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> done.completeExceptionally(e));
            }
        });
        return done;
    }

    /** Opens a model and shows it; the future ends once it is shown (its test on the test images follows). */
    CompletableFuture<Void> open(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (tab.trainingBinding().get()) {
            done.completeExceptionally(new IllegalStateException("a run is training: stop it first"));
            return done;
        }
        background("mnist-model-open", () -> {
            try {
                Model model = ModelFile.load(file);
                if (model.inputs() != 784 || model.classes() != Settings.CLASSES) {
                    throw new NotMnistException(file, model.inputs(), model.classes());
                }
                WeightsSnapshot weights = WeightsSnapshot.of(model);
                Platform.runLater(() -> {
                    if (tab.trainingBinding().get()) { // a run began while the file was read: it wins
                        done.completeExceptionally(new IllegalStateException("a run is training: stop it first"));
                        return;
                    }
                    tab.showOpened(file.getFileName().toString(), weights);
                    untested = weights;
                    test();
                    done.complete(null);
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> done.completeExceptionally(e));
            }
        });
        return done;
    }

    /** Tests the opened model on the test images, if it still waits for that and they are loaded. */
    void test() {
        WeightsSnapshot weights = untested;
        Examples test = tab.testExamples();
        if (weights == null || test == null || weights != tab.shownWeights()) {
            return;
        }
        untested = null;
        tab.testing(true);
        background("mnist-model-test", () -> {
            Evaluation result = null;
            try {
                result = Evaluation.of(weights.toModel(), test);
            } catch (RuntimeException | OutOfMemoryError e) {
                System.getLogger(ModelFiles.class.getName()).log(System.Logger.Level.WARNING,
                        "could not test the opened model", e);
            }
            Evaluation tested = result;
            Platform.runLater(() -> tab.showTested(weights, tested));
        });
    }

    private static void background(String name, Runnable job) {
        Thread t = new Thread(job, name);
        t.setDaemon(true);
        t.start();
    }
}

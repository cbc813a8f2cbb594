package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: every bad option value gets its own line naming the option and the value, and exit code 2 before any
 * data is read. Each run points --data at an empty folder: had the data been read first, the error would be the
 * missing data file with exit code 1.
 */
class UsageErrorsTest {

    @TempDir
    Path dir;

    private CliRun train(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "train";
        args[1] = "--data";
        args[2] = dir.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.of(args);
    }

    private void usage(String expected, CliRun run) {
        assertEquals(expected, run.err().strip());
        assertEquals(2, run.exitCode(), run.err());
    }

    @Test
    void eachTrainingOptionNamesItselfAndItsValue() {
        usage("train: --batch must be 1 or more, not 0", train("--batch", "0"));
        usage("train: --dropout must be in [0, 1), not 1.5", train("--dropout", "1.5"));
        usage("train: --lr must be a positive number, not 0", train("--lr", "0"));
        usage("train: --lr must be a positive number, not NaN", train("--lr", "NaN"));
        usage("train: --epochs must be 0 or more, not -1", train("--epochs", "-1"));
        usage("train: --weight-decay must be 0 or more, not -1", train("--weight-decay", "-1"));
        usage("train: --train-limit must be 1 or more, not 0", train("--train-limit", "0"));
        usage("train: --schedule: step:EVERY:FACTOR needs EVERY >= 1 (epochs between changes), not 0",
                train("--schedule", "step:0:0.5"));
        usage("train: --clip-norm must be a positive number, not 0", train("--clip-norm", "0"));
        usage("train: --clip-value must be a positive number, not -1", train("--clip-value", "-1"));
    }

    @Test
    void layersAreCheckedForMnistAndTheHeapBeforeLoading() {
        usage("train: --layers must start with 784 (the pixels) and end with 10 (the digits) for MNIST; got 10,10",
                train("--layers", "10,10"));
        usage("train: --layers must start with 784 (the pixels) and end with 10 (the digits) for MNIST; got 784,10,5",
                train("--layers", "784,10,5"));
        usage("train: --layers sizes must be 1 or more, not 0 (in 784,0,10)", train("--layers", "784,0,10"));
        // 3,000,000 wrapped an int to -1942967296 and 2147483647 to -784; 100,000,000 ran out of memory after 38 s.
        for (String huge : new String[] {"784,3000000,10", "784,2147483647,10", "784,100000000,10"}) {
            CliRun run = train("--layers", huge);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("train: --layers " + huge + " has "), run.err());
            assertTrue(run.err().contains(" parameters and needs about "), run.err());
        }
        assertTrue(train("--layers", "784,3000000,10").err().contains("has 2,385,000,010 parameters"));
    }

    @Test
    void theHeapLimitSaysWhatItWouldNeedAndWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerSizes.forMnist("784,1000,10", 100, 20_000_000L));
        assertEquals("--layers 784,1000,10 has 795,010 parameters and needs about 15.6 MB to train in batches of 100, "
                + "more than the 10.0 MB this run allows (half of Java's 20.0 MB heap; -Xmx raises it)", e.getMessage());
        assertEquals(3, LayerSizes.forMnist("784,1000,10", 100, 40_000_000L).length);
        assertEquals(Long.MAX_VALUE, LayerSizes.parameters(new long[] {784, Long.MAX_VALUE / 2, 10}), "no overflow");
    }

    @Test
    void theSaveTargetIsCheckedBeforeTraining() throws IOException {
        usage("train: --save " + dir + " is a folder; give a file name, like " + dir.resolve("model.bpmodel"),
                train("--save", dir.toString()));
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliRun underAFile = train("--save", file.resolve("m.bpmodel").toString());
        assertEquals(2, underAFile.exitCode());
        assertTrue(underAFile.err().contains("is not a folder"), underAFile.err());
        assertEquals("cannot save the model to out.bpmodel: No space left on device",
                SaveTarget.failure(Path.of("out.bpmodel"), new IOException("No space left on device")));
    }

    @Test
    void aBadDataFileIsAFailureNotAUsageError() {
        CliRun run = train();
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("train: train-images-idx3-ubyte.gz: no such file"), run.err());
        CliRun flow = CliRun.of("gradflow", "--depth", "3", "--width", "8", "--activation", "relu", "--init", "he",
                "--steps", "1", "--seed", "0", "--data", dir.toString());
        assertEquals(1, flow.exitCode(), flow.err());
    }

    @Test
    void gradflowChecksItsOptionsBeforeLoading() {
        String[] base = {"gradflow", "--depth", "3", "--width", "8", "--activation", "relu", "--init", "he",
            "--seed", "0", "--data", dir.toString(), "--steps"};
        usage("gradflow: --steps must be 0 or more, not -1", CliRun.of(concat(base, "-1")));
        usage("gradflow: --lr must be a positive number, not 0", CliRun.of(concat(base, "1", "--lr", "0")));
        usage("gradflow: --clip-norm must be a positive number, not 0", CliRun.of(concat(base, "1", "--clip-norm", "0")));
        usage("gradflow: --batch must be 1 or more, not 0", CliRun.of(concat(base, "1", "--batch", "0")));
    }

    @Test
    void gradflowHelpListsEveryOptimizerItAccepts() {
        CliRun help = CliRun.of("gradflow", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("sgd, momentum, nesterov, rmsprop or adam"), help.out());
    }

    @Test
    void anUnknownCommandWithHelpIsAUsageErrorNamingIt() {
        CliRun run = CliRun.of("no-such-lab", "--help");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("unknown command 'no-such-lab'"), run.err());
    }

    @Test
    void aBadModelOrPngIsAFailure() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.bpmodel"), "junk");
        assertEquals(1, CliRun.of("predict", "--model", junk.toString(), "--image", "3").exitCode());
        usage("predict: --image must be 0 or more, not -1",
                CliRun.of("predict", "--model", junk.toString(), "--image", "-1"));
    }

    @Test
    void stepProgressIsQuietForASecondThenCounts() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        try (StepProgress p = new StepProgress(new PrintWriter(text), "eval", 10, () -> now[0])) {
            p.step(1);
            assertEquals("", text.toString(), "nothing within the first second");
            now[0] = 2_000_000_000L;
            p.step(5);
        }
        assertEquals("\reval: step 5 of 10 (50%), 2 s, about 2 s left " + System.lineSeparator(), text.toString());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

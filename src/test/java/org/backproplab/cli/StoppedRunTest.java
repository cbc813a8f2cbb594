package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 rows 1 and 7 with real processes. Each program is started as {@code java -jar} starts it, without the
 * Vector API module, so that it relaunches itself in a child JVM ({@link VectorRelaunch}). Stopping the JVM that
 * was started, by {@code kill -9} or {@code kill -TERM}, stops the child too; a save cut short leaves the earlier
 * file and no temporary file; and the temporary that a save killed outright had to leave is removed by the next
 * save of that file. The runs train on the first 64 MNIST images, so a run costs little more than its JVMs.
 */
class StoppedRunTest {

    private static final Path FIRST_IMAGES = Path.of("src/test/resources/cli/mnist-first");
    /** A guard against a hang, not a measure of speed: on a busy machine a JVM can take seconds to start. */
    private static final Duration GUARD = Duration.ofSeconds(60);
    /** How long a child may outlive its parent: it looks four times a second, then runs its shutdown hooks. */
    private static final Duration CHILD_GONE_WITHIN = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        for (ProcessHandle p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void killingTheStartedJvmWithSignal9StopsTheTrainingInItsChild() throws Exception {
        Path model = Files.writeString(dir.resolve("m.bpmodel"), "the earlier model");
        Run run = start(List.of(), "org.backproplab.Main", "train", "--data", FIRST_IMAGES.toString(),
                "--train-limit", "64", "--epochs", "100000", "--layers", "784,64,10", "--save", model.toString());
        ProcessHandle child = run.child();
        run.awaitOutput("train: 784,64,10"); // the child has loaded the data and is training
        run.process.toHandle().destroyForcibly(); // kill -9 (Process.destroyForcibly would also close our end of the pipe)

        assertGone(child);
        assertTrue(run.awaitOutput("has ended").contains("stopped: the process that started this one (pid "
                + run.process.pid() + ") has ended"));
        assertEquals("the earlier model", Files.readString(model));
        assertEquals(List.of(), temporaries());
    }

    @Test
    void terminatingTheStartedJvmDuringASaveKeepsTheEarlierFileAndRemovesTheTemporary() throws Exception {
        stopDuringASave(false);
    }

    @Test
    void killingTheStartedJvmDuringASaveKeepsTheEarlierFileAndRemovesTheTemporary() throws Exception {
        stopDuringASave(true);
    }

    private void stopDuringASave(boolean kill) throws Exception {
        Path model = Files.writeString(dir.resolve("good.bpmodel"), "the earlier model");
        Run run = start(List.of(), SlowSave.class.getName(), model.toString());
        ProcessHandle child = run.child();
        run.awaitOutput("saving");
        assertEquals(1, temporaries().size(), "the save is under way");
        if (kill) {
            run.process.toHandle().destroyForcibly(); // kill -9
        } else {
            run.process.toHandle().destroy(); // kill -TERM
        }
        assertGone(child);
        assertTrue(run.process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS));
        assertEquals("the earlier model", Files.readString(model));
        assertEquals(List.of(), temporaries(), "the child's shutdown hook removed the temporary");
        // kill -9 runs nothing in the parent: the child saw it gone. kill -TERM runs the parent's shutdown hook,
        // which stops the child and waits for it, so the child never sees its parent gone.
        assertEquals(kill, run.awaitEnd().contains("stopped: the process that started this one"), run.awaitEnd());
    }

    @Test
    void theTemporaryOfASaveKilledOutrightIsRemovedByTheNextSave() throws Exception {
        Path model = Files.writeString(dir.resolve("good.bpmodel"), "the earlier model");
        Run run = start(List.of("-Dbackproplab.relaunch=false"), SlowSave.class.getName(), model.toString());
        run.awaitOutput("saving");
        run.process.toHandle().destroyForcibly();
        assertTrue(run.process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, temporaries().size(), "kill -9 runs no code: its temporary stays (row 7)");
        assertEquals("the earlier model", Files.readString(model));

        CliRun save = CliRun.of("train", "--data", FIRST_IMAGES.toString(), "--train-limit", "16", "--epochs", "1",
                "--layers", "784,8,10", "--save", model.toString());
        assertEquals(0, save.exitCode(), save.err());
        assertEquals(List.of(), temporaries(), "the next save of the same file removed it");
        assertTrue(Files.readString(model, StandardCharsets.ISO_8859_1).startsWith("BPLAB-MODEL"));
    }

    @Test
    void runningOutOfMemoryIsOneLineAndExitCodeOne() throws Exception {
        // 24 MB of heap cannot hold the 47 MB of MNIST's training pixels: a real OutOfMemoryError while loading.
        Run run = start(List.of("-Xmx24m", "-Dbackproplab.relaunch=false"), "org.backproplab.Main", "train",
                "--layers", "784,8,10", "--epochs", "1");
        assertTrue(run.process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS));
        String output = run.awaitEnd();
        assertEquals(1, run.process.exitValue(), output);
        assertTrue(output.startsWith("backprop-lab train: error: out of memory while running train (Java's heap is "),
                output);
        assertTrue(output.contains("try smaller --layers or --batch, or giving Java more, like java -Xmx2g -jar backprop-lab.jar"), output);
        assertEquals(1, output.lines().count(), output);
        assertFalse(output.contains("\tat ") || output.contains("Exception"), output);
    }

    private void assertGone(ProcessHandle child) throws InterruptedException {
        long deadline = System.nanoTime() + CHILD_GONE_WITHIN.toNanos();
        while (child.isAlive()) {
            if (System.nanoTime() > deadline) {
                fail("the child JVM " + child.pid() + " still runs " + CHILD_GONE_WITHIN.toSeconds()
                        + " s after its parent was stopped");
            }
            Thread.sleep(50);
        }
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** Starts {@code java [options] -cp <this test's class path> mainClass args}, its output collected. */
    private Run start(List<String> options, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quick to start; the relaunched child is given the same options.
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        // To a file, not a pipe: when the parent exits, Java's process reaper drains and closes the pipe it reads
        // from, and what the orphaned child writes after that (its "has ended" line) would be lost, now and then.
        Path log = dir.resolve("output-" + started.size() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process.toHandle());
        return new Run(process, log);
    }

    /** A started JVM and what it and its child have written so far (stdout and stderr together, in a file). */
    private final class Run {
        final Process process;
        private final Path log;
        private final StringBuilder output = new StringBuilder();
        private final java.util.Set<ProcessHandle> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private boolean ended;

        Run(Process process, Path log) {
            this.process = process;
            this.log = log;
            Thread reader = new Thread(this::read, "read " + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        /** Reads the file until the parent and every process it started are gone, then once more. */
        private void read() {
            try {
                while (true) {
                    process.toHandle().descendants().forEach(seen::add);
                    boolean alive = process.isAlive() || seen.stream().anyMatch(ProcessHandle::isAlive);
                    String text = Files.readString(log, StandardCharsets.UTF_8);
                    synchronized (this) {
                        output.setLength(0);
                        output.append(text);
                        if (!alive) {
                            ended = true;
                        }
                        notifyAll();
                    }
                    if (!alive) {
                        return;
                    }
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        /** Waits until the output contains the text, and returns the output. */
        synchronized String awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + GUARD.toNanos();
            while (output.indexOf(text) < 0) {
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    fail("no '" + text + "' in the output" + (ended ? " before it ended" : "") + ":\n" + output);
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return output.toString();
        }

        /** Waits until the output's pipe is closed, and returns the output. */
        synchronized String awaitEnd() throws InterruptedException {
            long deadline = System.nanoTime() + GUARD.toNanos();
            while (!ended && System.nanoTime() < deadline) {
                wait(100);
            }
            return output.toString();
        }

        /** The relaunched child JVM, once the parent has started it. */
        ProcessHandle child() throws InterruptedException {
            long deadline = System.nanoTime() + GUARD.toNanos();
            while (System.nanoTime() < deadline) {
                var child = process.toHandle().children().findFirst();
                if (child.isPresent()) {
                    started.add(child.get());
                    seen.add(child.get());
                    return child.get();
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            synchronized (this) {
                return fail("no child JVM started; output:\n" + output);
            }
        }
    }
}

package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, row 5: {@code eval} of a lesson with a 2000×2000 matrix literal (16 MB) ran out of memory with
 * {@code -Xmx256m}, and at the default heap took 2.3 GB to print a 72 MB table. Here the program runs as the user
 * runs it, in a JVM of its own with a 256 MB heap, and must answer with one line and exit code 1.
 */
class EvalLimitsTest {

    @TempDir
    Path dir;

    /** What a child JVM printed and its exit code. */
    private record Child(int exit, String out, List<String> errLines) {
    }

    private static Child eval(Path file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-Dbackproplab.relaunch=false",
                "-cp", System.getProperty("java.class.path"), "org.backproplab.Main", "eval", file.toString()).start();
        p.getOutputStream().close();
        // The outputs are short when it works; read both to the end so that neither pipe can fill and block.
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread reader = new Thread(() -> {
            try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.completeExceptionally(e);
            }
        });
        reader.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "eval did not end within a minute"); // a guard against a hang
        String text = err.join();
        return new Child(p.exitValue(), out, text.isEmpty() ? List.of() : List.of(text.split("\\R")));
    }

    /** {@code param w = [[…], …]}: {@code rows} rows of {@code cols} numbers, written straight to the file. */
    private static Path literal(Path file, int rows, int cols) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("param w = [");
            for (int r = 0; r < rows; r++) {
                w.write(r == 0 ? "[" : ", [");
                for (int c = 0; c < cols; c++) {
                    w.write(c == 0 ? "0.5" : ", 0.5");
                }
                w.write("]");
            }
            w.write("]\nloss L = sum(w * w)\n");
        }
        return file;
    }

    @Test
    void aLessonWithA2000x2000LiteralIsRefusedBeforeItIsRead() throws IOException, InterruptedException {
        Path big = literal(dir.resolve("big.bp"), 2000, 2000);
        Child child = eval(big);
        assertEquals(1, child.exit(), () -> String.join("\n", child.errLines()));
        assertEquals("", child.out());
        assertEquals(List.of(big + ": is 19.1 MB (20,004,031 bytes), too large for a lesson file (at most 1 MB,"
                + " 1,048,576 bytes; a lesson is a text to read, not data)"), child.errLines());
    }

    @Test
    void aLiteralOf200000NumbersInAFileUnderTheLimitIsRefusedAtItsLineAndColumn() throws IOException,
            InterruptedException {
        // 200,000 numbers in 0.95 MB: under the file limit, so it is read and lexed, all within 256 MB.
        Path file = literal(dir.resolve("wide.bp"), 400, 500);
        assertTrue(Files.size(file) < 1 << 20);
        Child child = eval(file);
        assertEquals(1, child.exit(), () -> String.join("\n", child.errLines()));
        assertEquals("", child.out());
        assertEquals(List.of(file + ":1:11: the literal has 200,000 numbers, a 400x500 matrix; a literal holds at most"
                + " 65,536 (256x256): a lesson is for matrices small enough to follow step by step"), child.errLines());
    }
}

package org.backproplab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.nn.OptimizerKind;
import org.backproplab.nn.TrainingConfig;

/**
 * One peer of {@code bench --peer}: a Python MLP script (numpy, PyTorch, …) that trains 784-H-10 with Adam on the
 * same MNIST files, takes {@code --hidden --lr --batch --epochs --seed --data} and ends with a line
 * {@code RESULT peer=NAME … median_epoch_s=S …}. Its lines are echoed as {@code peer: …}, then the race as
 * {@code RACE NAME S s/epoch, backprop-lab …}.
 */
final class PeerRace {

    /** Debian's own Python: the one its python3-torch package installs into (a python3 on PATH may lack it). */
    static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
    private static final Pattern IMPORTS_TORCH = Pattern.compile("^\\s*(import|from)\\s+torch\\b", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("\\bpeer=(\\S+)");
    private static final Pattern SECONDS = Pattern.compile("median_epoch_s=([0-9.]+)");

    private PeerRace() {
    }

    /** True if a peer can train this network: 784-H-10 with Adam. */
    static boolean fits(TrainingConfig c) {
        return c.layers().length == 3 && c.layers()[0] == 784 && c.layers()[2] == 10 && c.optimizer() == OptimizerKind.ADAM;
    }

    /** The interpreter for a script: the system Python for one that imports torch, else python3 on PATH. */
    static String python(Path script) throws IOException {
        boolean torch = IMPORTS_TORCH.matcher(Files.readString(script, StandardCharsets.UTF_8)).find();
        return torch && Files.isExecutable(SYSTEM_PYTHON) ? SYSTEM_PYTHON.toString() : "python3";
    }

    /** Runs the peer on config {@code c} and data directory {@code data} and prints the race against {@code ours}. */
    static void race(Path script, TrainingConfig c, Path data, double ours, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        List<String> cmd = List.of(python(script), script.toString(), "--hidden", Integer.toString(c.layers()[1]),
                "--lr", Double.toString(c.learningRate()), "--batch", Integer.toString(c.batchSize()), "--epochs",
                Integer.toString(c.epochs()), "--seed", Long.toString(c.seed()), "--data", data.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // Unset, OpenBLAS picks its AVX-512 kernel: the strongest numpy (and torch) this machine has.
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OPENBLAS_L2_SIZE");
        Process p = pb.start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.println("peer: " + line);
                if (line.startsWith("RESULT")) {
                    result = line;
                }
            }
        }
        p.waitFor();
        Matcher m = result == null ? null : SECONDS.matcher(result);
        if (m == null || !m.find()) {
            err.println("bench: the peer " + script.getFileName() + " printed no RESULT line (exit code "
                    + p.exitValue() + ")");
            return;
        }
        double theirs = Double.parseDouble(m.group(1));
        Matcher name = NAME.matcher(result);
        String peer = name.find() ? name.group(1) : script.getFileName().toString().replaceFirst("\\.py$", "");
        out.printf("RACE %s %.3f s/epoch, backprop-lab %.3f s/epoch: backprop-lab is %.2fx %s%n", peer, theirs, ours,
                theirs >= ours ? theirs / ours : ours / theirs, theirs >= ours ? "faster" : "slower");
        out.flush();
    }
}

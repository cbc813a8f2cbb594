package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --peer}: each peer gets the same work and the same MNIST files, and each race is printed. The peers
 * here are stand-ins that print what they were asked and a RESULT line, so no figure depends on this machine.
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    /** A stand-in peer: prints its interpreter and arguments, then a RESULT line with these seconds per epoch. */
    private Path peer(String file, String name, String seconds, String extra) throws Exception {
        return Files.writeString(dir.resolve(file), String.join("\n",
                "import sys",
                extra,
                "print('args ' + ' '.join(sys.argv[1:]))",
                "print('python ' + sys.executable)",
                "print('RESULT peer=" + name + " hidden=16 batch=128 epochs=1 median_epoch_s=" + seconds
                        + " final_test_acc=0.9000')",
                ""));
    }

    @Test
    void onePeerKeepsItsLines() throws Exception {
        Path numpy = peer("numpy_mlp.py", "numpy", "9.999", "");
        CliRun run = CliRun.of("bench", "--kernel-seconds", "0.25", "--layers", "784,16,10", "--epochs", "1", "--train-limit", "6000",
                "--peer", numpy.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains("peer: RESULT peer=numpy hidden=16 batch=128 epochs=1 median_epoch_s=9.999 "
                + "final_test_acc=0.9000"), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("RACE numpy 9\\.999 s/epoch, backprop-lab [0-9.]+ s/epoch: "
                + "backprop-lab is [0-9.]+x faster")), run.out());
        String args = lines.stream().filter(l -> l.startsWith("peer: args ")).findFirst().orElseThrow();
        assertTrue(args.startsWith("peer: args --hidden 16 --lr 0.001 --batch 128 --epochs 1 --seed 0 --data "), args);
        assertTrue(args.endsWith("mnist"), "the peer reads the same MNIST files: " + args);
    }

    @Test
    void peersRepeatAndEachRaceIsPrintedInOrder() throws Exception {
        Path slow = peer("slow.py", "numpy", "9.999", "");
        Path fast = peer("fast.py", "torch", "0.001", "");
        CliRun run = CliRun.of("bench", "--kernel-seconds", "0.25", "--preset", "keras", "--seeds", "1", "--train-limit", "3000",
                "--peer", slow.toString(), "--peer", fast.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> races = run.out().lines().filter(l -> l.startsWith("RACE ")).toList();
        assertEquals(2, races.size(), run.out());
        assertTrue(races.get(0).matches("RACE numpy 9\\.999 s/epoch, backprop-lab [0-9.]+ s/epoch: backprop-lab is "
                + "[0-9.]+x faster"), races.get(0));
        assertTrue(races.get(1).matches("RACE torch 0\\.001 s/epoch, backprop-lab [0-9.]+ s/epoch: backprop-lab is "
                + "[0-9.]+x slower"), races.get(1));
        // The keras preset: 784-10-10, Adam 0.01, batch 32, 5 epochs, for both peers.
        List<String> args = run.out().lines().filter(l -> l.startsWith("peer: args ")).toList();
        assertEquals(2, args.size(), run.out());
        args.forEach(a -> assertTrue(a.startsWith("peer: args --hidden 10 --lr 0.01 --batch 32 --epochs 5 --seed 0 "),
                a));
    }

    @Test
    void aPeerThatImportsTorchRunsOnTheSystemPython() throws Exception {
        assumeTrue(Files.isExecutable(PeerRace.SYSTEM_PYTHON), "no " + PeerRace.SYSTEM_PYTHON);
        Path torch = peer("torch_mlp.py", "torch", "0.500", "if False:\n    import torch");
        assertEquals(PeerRace.SYSTEM_PYTHON.toString(), PeerRace.python(torch));
        assertEquals("python3", PeerRace.python(peer("numpy_mlp.py", "numpy", "0.500", "import os")));
    }

    @Test
    void aPeerWithoutAResultLineAndANetworkNoPeerTrainsAreSaid() throws Exception {
        Path mute = Files.writeString(dir.resolve("mute.py"), "print('hello')\n");
        CliRun run = CliRun.of("bench", "--kernel-seconds", "0.25", "--layers", "784,16,10", "--epochs", "1", "--train-limit", "3000",
                "--peer", mute.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("bench: the peer mute.py printed no RESULT line (exit code 0)"), run.err());
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith("RACE")), run.out());

        CliRun deep = CliRun.of("bench", "--kernel-seconds", "0.25", "--layers", "784,16,16,10", "--epochs", "1", "--train-limit", "3000",
                "--peer", mute.toString(), "--peer", mute.toString());
        assertEquals(0, deep.exitCode(), deep.err());
        assertTrue(deep.err().contains("bench: the peers run 784-H-10 with Adam only; no race for 784,16,16,10"),
                deep.err());
        assertTrue(deep.out().lines().noneMatch(l -> l.startsWith("peer: ")), "no peer was started: " + deep.out());
    }
}

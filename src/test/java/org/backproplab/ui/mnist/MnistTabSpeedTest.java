package org.backproplab.ui.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.backproplab.data.Mnist;
import org.backproplab.nn.Examples;
import org.backproplab.nn.Trainer;
import org.backproplab.nn.TrainingConfig;
import org.backproplab.ui.Language;
import org.backproplab.ui.MainWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A benchmark, run only when asked ({@code -Dbackproplab.tabSpeed=true}): the MNIST tab's training speed against
 * {@link Trainer} alone in the same JVM, back to back, 784-128-10 Adam batch 128 on all 60,000 images, for
 * {@code -Dbackproplab.tabSpeed.rounds} rounds (3). Prints images/s of both, their ratio (and at the end the median
 * ratio of the rounds), the CPU time of the busiest threads during each run, the time the JIT spent compiling and
 * the toolkit's pulses during the tab's run; asserts only that both runs trained (never a time). Each run starts once
 * the JIT has gone quiet, so that no run pays for compiling what an earlier one (or opening the window) made hot.
 * While the tab trains, the training thread is looked up once: polling {@code Thread.getAllStackTraces()} every
 * 10 ms, as this test did, brings every thread to a safepoint each time, and only during the tab's run.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "backproplab.tabSpeed", matches = "true")
class MnistTabSpeedTest {

    private MnistTabModel model;
    private final AtomicLong pulses = new AtomicLong();

    @Start
    void start(Stage stage) {
        MainWindow window = new MainWindow(stage, Language.ENGLISH);
        model = window.mnist();
        window.show();
        stage.getScene().addPostLayoutPulseListener(pulses::incrementAndGet);
    }

    @Test
    void theTabTrainsAsFastAsTheTrainerAlone(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        Tab mnistTab = tabs.getTabs().stream().filter(t -> "mnistTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(mnistTab));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.dataStateProperty().get() == org.backproplab.ui.BackgroundLoad.State.READY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Preset.MLP_128, model.form().presetProperty().get());
        Mnist mnist = Mnist.load(Mnist.defaultDirectory());
        Examples train = new Examples("train", mnist.train().count(), 784, 10, mnist.train()::gather);
        Examples test = new Examples("test", mnist.test().count(), 784, 10, mnist.test()::gather);
        int rounds = Integer.getInteger("backproplab.tabSpeed.rounds", 3);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        double[] ratios = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            jitQuiet(jit);
            long jitAlone0 = jit.getTotalCompilationTime();
            Map<Long, Long> a0 = cpu(threads);
            Trainer.Result alone = new Trainer(TrainingConfig.defaults(new int[] {784, 128, 10})).train(train, test, null, null);
            double aloneRate = 60000 / median(alone.epochs().stream().mapToDouble(Trainer.EpochResult::seconds).toArray());
            String aloneCpu = busiest(threads, a0, cpu(threads));
            long jitAlone = jit.getTotalCompilationTime() - jitAlone0;

            jitQuiet(jit);
            TrainingRun run = TrainingRun.start(TrainingConfig.defaults(new int[] {784, 128, 10}), train, test,
                    MnistTabModel.SNAPSHOT_MILLIS);
            assertTrue(run.join(120_000));
            double[] runSeconds = new double[5];
            var epochs = run.poll().epochs();
            for (int i = 0; i < 5; i++) {
                runSeconds[i] = epochs.get(i).seconds();
            }
            double runRate = 60000 / median(runSeconds);

            jitQuiet(jit);
            long jit0 = jit.getTotalCompilationTime();
            long pulses0 = pulses.get();
            Map<Long, Long> cpu0 = cpu(threads);
            long wall0 = System.nanoTime();
            robot.clickOn("#startButton");
            long[] trainingCpu = {0};
            Thread[] training = {null};
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
                if (training[0] == null) {
                    training[0] = Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().equals("mnist-training")).findFirst().orElse(null);
                }
                if (training[0] != null) {
                    trainingCpu[0] = Math.max(trainingCpu[0], threads.getThreadCpuTime(training[0].getId()));
                }
                return model.runStateProperty().get() == MnistTabModel.RunState.FINISHED;
            });
            WaitForAsyncUtils.waitForFxEvents();
            double wall = (System.nanoTime() - wall0) / 1e9;
            Map<Long, Long> cpu1 = cpu(threads);
            long jitTab = jit.getTotalCompilationTime() - jit0;
            long tabPulses = pulses.get() - pulses0;
            var table = model.epochTable();
            int seconds = table.columns().indexOf("seconds");
            double[] epochSeconds = new double[table.rowCount()];
            for (int i = 0; i < epochSeconds.length; i++) {
                epochSeconds[i] = Double.parseDouble(table.row(i).get(seconds));
            }
            double tabRate = 60000 / median(epochSeconds);
            System.out.printf("TABSPEED round %d: trainer alone %,.0f img/s, TrainingRun without UI %,.0f img/s, tab %,.0f img/s "
                            + "(tab/alone %.2f), tab's last figure %,.0f img/s, accuracy %.4f, wall %.1f s, training thread CPU %.2f s%n",
                    round, aloneRate, runRate, tabRate, tabRate / aloneRate, model.progressProperty().get().samplesPerSecond(),
                    model.testAccuracyProperty().get(), wall, trainingCpu[0] / 1e9);
            System.out.println("TABSPEED threads' CPU, trainer alone:" + aloneCpu + "; JIT compiling " + jitAlone + " ms");
            System.out.println("TABSPEED threads' CPU, tab:" + busiest(threads, cpu0, cpu1) + "; JIT compiling " + jitTab
                    + " ms; " + tabPulses + " pulses");
            assertEquals(5, epochSeconds.length);
            assertTrue(model.testAccuracyProperty().get() > 0.95);
            assertTrue(alone.epochs().get(4).testAccuracy() > 0.95);
            ratios[round - 1] = tabRate / aloneRate;
        }
        System.out.printf("TABSPEED median tab/alone of %d rounds: %.2f %s%n", rounds, median(ratios),
                Arrays.toString(Arrays.stream(ratios).map(r -> Math.round(r * 100) / 100.0).toArray()));
    }

    /**
     * Waits (up to 20 s) until the JIT has compiled nothing for half a second: what an earlier run made hot is
     * compiled on a core of its own, and a run measured meanwhile would pay for it.
     */
    private static void jitQuiet(CompilationMXBean jit) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        long seen = jit.getTotalCompilationTime();
        int quiet = 0;
        while (quiet < 5 && System.nanoTime() < end) {
            Thread.sleep(100);
            long now = jit.getTotalCompilationTime();
            quiet = now == seen ? quiet + 1 : 0;
            seen = now;
        }
    }

    private static String busiest(ThreadMXBean threads, Map<Long, Long> cpu0, Map<Long, Long> cpu1) {
        StringBuilder busy = new StringBuilder();
        cpu1.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - cpu0.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 20_000_000L)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> {
                    var info = threads.getThreadInfo(e.getKey());
                    busy.append(String.format("  %s %.2f s", info == null ? "#" + e.getKey() : info.getThreadName(),
                            e.getValue() / 1e9));
                });
        return busy.toString();
    }

    private static Map<Long, Long> cpu(ThreadMXBean threads) {
        Map<Long, Long> out = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}

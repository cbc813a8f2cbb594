package org.backproplab.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.backproplab.AppInfo;

/**
 * Gives a plain {@code java -jar backprop-lab.jar …} the fast kernels. The Vector API is an incubator module
 * in JDK 17 that only {@code --add-modules jdk.incubator.vector} switches on, and a jar's manifest cannot say
 * so; without it training runs on the plain-Java kernels, tens of times slower. So when the module is
 * missing, Main starts the same program once more in a child JVM with the module added (same class path, JVM
 * options and arguments, same console) and exits with the child's exit code. {@code -Dbackproplab.relaunch=false}
 * turns this off; if the child cannot be started, the program simply runs here on the plain kernels.
 *
 * <p>The two JVMs stop together, so that stopping the program the user started stops the work. Ctrl+C,
 * {@code kill -TERM} or a closed terminal runs the parent's shutdown hook, which stops the child the same way (its
 * own shutdown hooks then run: an interrupted save removes its temporary file). {@code kill -9} runs nothing in the
 * parent, so the child watches it too: it is given the parent's pid and exits within a quarter of a second once
 * that process is gone.
 */
public final class VectorRelaunch {

    private static final String MODULE = "jdk.incubator.vector";
    private static final String FLAG = "backproplab.relaunch";
    /** Set on the child: the pid of the parent JVM it watches. */
    private static final String PARENT = "backproplab.parent";
    /** How often the child looks whether its parent is still there. */
    private static final long WATCH_MILLIS = 250;
    /** How long the parent's shutdown hook waits for the child to finish its own hooks before killing it. */
    private static final long STOP_SECONDS = 10;

    private VectorRelaunch() {
    }

    /** Runs the program in a child JVM with the module and exits, when that is needed and possible; else returns. */
    public static void ifNeeded(String mainClass, String[] args) {
        watchParent();
        if (ModuleLayer.boot().findModule(MODULE).isPresent() || "false".equals(System.getProperty(FLAG))) {
            return;
        }
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path");
        if (java.isEmpty() || classPath == null || classPath.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.add("--add-modules");
        command.add(MODULE);
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-D" + FLAG) && !option.startsWith("-D" + PARENT)) {
                command.add(option);
            }
        }
        command.add("-D" + FLAG + "=false");
        command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (Exception e) {
            return; // could not start a second JVM: carry on here, on the plain kernels
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "stop-child-jvm"));
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            code = BackpropLabCommand.FAILURE; // the shutdown hook stops the child
        }
        System.exit(code);
    }

    /**
     * The parent's shutdown hook: a child still running when the parent is stopped is stopped too, politely first
     * (its shutdown hooks remove the temporary file of a save under way), then forcibly.
     */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (child.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        child.destroyForcibly();
    }

    /**
     * In a relaunched child: exits (running the shutdown hooks) as soon as the parent JVM is gone, as after a
     * {@code kill -9}, which the parent cannot pass on. Does nothing in a JVM that was not relaunched.
     */
    private static void watchParent() {
        String pid = System.getProperty(PARENT);
        if (pid == null) {
            return;
        }
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return; // not set by us
        }
        Thread watch = new Thread(() -> {
            // isAlive compares the start time too: a pid reused by a new process does not count as the parent
            while (parent.isPresent() && parent.get().isAlive()) {
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println(AppInfo.COMMAND + ": stopped: the process that started this one (pid " + pid + ") has ended");
            System.exit(BackpropLabCommand.FAILURE);
        }, "watch-parent-jvm");
        watch.setDaemon(true);
        watch.start();
    }
}

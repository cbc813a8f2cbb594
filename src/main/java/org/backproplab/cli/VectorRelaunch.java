package org.backproplab.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives a plain {@code java -jar backprop-lab.jar …} the fast kernels. The Vector API is an incubator module
 * in JDK 17 that only {@code --add-modules jdk.incubator.vector} switches on, and a jar's manifest cannot say
 * so; without it training runs on the plain-Java kernels, tens of times slower. So when the module is
 * missing, Main starts the same program once more in a child JVM with the module added (same class path, JVM
 * options and arguments, same console) and exits with the child's exit code. {@code -Dbackproplab.relaunch=false}
 * turns this off; if the child cannot be started, the program simply runs here on the plain kernels.
 */
public final class VectorRelaunch {

    private static final String MODULE = "jdk.incubator.vector";
    private static final String FLAG = "backproplab.relaunch";

    private VectorRelaunch() {
    }

    /** Runs the program in a child JVM with the module and exits, when that is needed and possible; else returns. */
    public static void ifNeeded(String mainClass, String[] args) {
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
            if (!option.startsWith("-D" + FLAG)) {
                command.add(option);
            }
        }
        command.add("-D" + FLAG + "=false");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            int code = child.waitFor();
            System.exit(code);
        } catch (Exception e) {
            // Could not start a second JVM: carry on here, on the plain kernels.
        }
    }
}

package org.backproplab;

/**
 * The application's name and version, as the About dialog and {@code backprop-lab --version} show them.
 * The version is the one in {@code pom.xml}; a test keeps the two equal.
 */
public final class AppInfo {

    public static final String NAME = "Backprop Lab";
    public static final String VERSION = "0.1.0-SNAPSHOT";
    /** The command-line name, as in {@code backprop-lab gradcheck}. */
    public static final String COMMAND = "backprop-lab";

    private AppInfo() {
    }
}

package org.backproplab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line with its exit code and what it wrote to each stream. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BackpropLabCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}

/**
 * The headless command line, {@code backprop-lab <command>}, built with picocli: the top command
 * ({@link org.backproplab.cli.BackpropLabCommand}) and one class per subcommand. This is the only package that
 * prints or exits. Exit codes: 0 success, 1 a check failed or the command hit an error, 2 a usage error.
 * Errors are one line on standard error, never a stack trace (unless {@code --verbose} asks for a bug's), out of
 * memory included. May use every package except {@code ui}.
 */
package org.backproplab.cli;

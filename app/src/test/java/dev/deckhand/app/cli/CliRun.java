package dev.deckhand.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One CLI invocation with its exit code and captured output. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    CommandLine cli = DeckhandCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}

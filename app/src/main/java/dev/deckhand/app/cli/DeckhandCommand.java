package dev.deckhand.app.cli;

import dev.deckhand.core.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code deckhand} command; with no subcommand it opens the window. */
@Command(
    name = "deckhand",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Inner-loop development on OpenShift and Kubernetes, odo 1.x compatible.",
    subcommands = {
      CreateCommand.class,
      IndexCommand.class,
      ManifestsCommand.class,
      SandboxCommand.class,
      PushCommand.class,
      WatchCommand.class,
      LoginCommand.class,
      StatusCommand.class,
      UrlCommand.class,
      LogsCommand.class,
      DeleteCommand.class
    })
public final class DeckhandCommand implements Runnable {

  @CommandLine.Option(
      names = "--tray",
      description =
          "Start in the system tray without showing the window (opens the window when the"
              + " desktop has no tray).")
  boolean tray;

  @CommandLine.Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "Also show the libraries' log lines (API client, HTTP) on stderr; they are always in"
              + " ~/.local/state/deckhand/deckhand.log.")
  void verbose(boolean on) {
    if (on) {
      LibraryLogging.toTerminal();
    }
  }

  @Override
  public void run() {
    if (tray) {
      dev.deckhand.app.gui.GuiLauncher.launch(dev.deckhand.app.gui.DeckhandApp.TRAY_ARG);
    } else {
      dev.deckhand.app.gui.GuiLauncher.launch();
    }
  }

  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line; tests call this to capture output. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new DeckhandCommand());
    cli.setExecutionExceptionHandler(DeckhandCommand::handleFailure);
    cli.setParameterExceptionHandler(DeckhandCommand::handleUsageError);
    return cli;
  }

  /** Known failures become one line on stderr; only real bugs get a stack trace. */
  private static int handleFailure(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    if (e instanceof CliException || e instanceof ConfigException) {
      err.println("deckhand: " + e.getMessage());
      return 1;
    }
    if (e instanceof io.fabric8.kubernetes.client.KubernetesClientException) {
      err.println("deckhand: " + dev.deckhand.core.cluster.ErrorClassifier.classify(e).describe());
      return 1;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      err.println("deckhand: " + e);
      return 1;
    }
    if (e instanceof IllegalArgumentException) {
      err.println("deckhand: " + e.getMessage());
      return 1;
    }
    err.println("deckhand: internal error: " + e);
    e.printStackTrace(err);
    return 70;
  }

  private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("deckhand: " + e.getMessage());
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
    return 2;
  }
}

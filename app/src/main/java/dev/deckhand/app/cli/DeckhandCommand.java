package dev.deckhand.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code deckhand} command. */
@Command(
    name = "deckhand",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Inner-loop development on OpenShift and Kubernetes, odo 1.x compatible.")
public final class DeckhandCommand implements Runnable {

  @Override
  public void run() {
    System.out.println("GUI arrives with the GUI issue. Try 'deckhand --help'.");
  }

  public static int run(String... args) {
    return new CommandLine(new DeckhandCommand()).execute(args);
  }
}

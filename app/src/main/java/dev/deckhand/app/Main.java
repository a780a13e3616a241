package dev.deckhand.app;

import dev.deckhand.app.cli.DeckhandCommand;

/** Entry point of the launcher: the CLI, or the window when no subcommand is given. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(DeckhandCommand.run(args));
  }
}

package dev.deckhand.app.cli;

/** {@code -o}: how data commands print. */
enum OutputFormat {
  text,
  json
}

package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {
  @Test
  void printsTheBuiltVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().trim()).matches("deckhand \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}

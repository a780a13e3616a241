package dev.deckhand.app.cli;

import dev.deckhand.core.push.PushOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --ready-timeout SECONDS}: how long a push waits for the app's URL (push and watch). */
final class ReadyTimeoutOption {
  @Option(
      names = "--ready-timeout",
      paramLabel = "SECONDS",
      description = {
        "After assemble-and-restart, how long to wait for the app's URL to answer before asking",
        "the supervisor what the app does (default: ${DEFAULT-VALUE})."
      })
  int seconds = (int) PushOptions.DEFAULT_READY_TIMEOUT.toSeconds();

  /** Whole seconds, 0 to ask the URL once; never negative. */
  Duration duration() {
    if (seconds < 0) {
      throw new CliException("--ready-timeout must be 0 or more seconds, not " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }
}

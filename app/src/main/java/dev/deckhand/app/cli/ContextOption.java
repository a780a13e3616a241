package dev.deckhand.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --context DIR}: the component folder every command works on (default: here). */
final class ContextOption {
  @Option(
      names = "--context",
      paramLabel = "DIR",
      description = "Component folder (default: the current directory).")
  Path context = Path.of(".");

  /** The folder as an absolute, normalised path; fails with a clear line when it is unusable. */
  Path folder() {
    Path dir = context.toAbsolutePath().normalize();
    if (!Files.exists(dir)) {
      throw new CliException(dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new CliException(dir + " is not a folder");
    }
    return dir;
  }
}

package dev.deckhand.app.cli;

import dev.deckhand.sandbox.images.BuildResult;
import dev.deckhand.sandbox.images.SandboxImages;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deckhand sandbox images}: builds the sandbox's offline images. */
@Command(
    name = "images",
    mixinStandardHelpOptions = true,
    description = {
      "Build the sandbox's offline images in seconds, without a registry:",
      "localhost/deckhand/odo-init (odo's init image layout) and localhost/deckhand/nodejs-builder",
      "(the host's node and npm with s2i scripts). Up-to-date images are kept."
    })
final class SandboxImagesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--force", description = "Rebuild even when the images are up to date.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      for (BuildResult result : new SandboxImages().build(force)) {
        out.println(result);
      }
    } catch (RuntimeException e) {
      throw new CliException(e.getMessage(), e);
    }
    out.flush();
    return 0;
  }
}

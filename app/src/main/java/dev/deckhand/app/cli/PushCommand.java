package dev.deckhand.app.cli;

import dev.deckhand.core.event.AppState;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.lock.FolderBusyException;
import dev.deckhand.core.lock.FolderLock;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deckhand push}: creates the component if needed and pushes the folder's changes. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Create or update the component on the cluster and push the folder's changes into it,",
      "then run assemble-and-restart. Only changed files are sent, in one exec."
    })
final class PushCommand implements Callable<Integer> {
  /** How long a push waits for another push of the same folder (an npm install can be slow). */
  static final Duration LOCK_WAIT = Duration.ofMinutes(5);

  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Option(
      names = {"-f", "--force-build"},
      description = "Send every file and rebuild, even when nothing changed.")
  boolean force;

  @Mixin ReadyTimeoutOption ready;

  @Option(names = "--show-log", description = "Show assemble-and-restart's output as it runs.")
  boolean showLog;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json: one JSON object per event per line.")
  OutputFormat output = OutputFormat.text;

  @Override
  public Integer call() throws Exception {
    Path dir = context.folder();
    PrintWriter out = spec.commandLine().getOut();
    // Progress goes to stdout; the failure, if any, to stderr, so `push > log` still shows it.
    PushListener printer = EventPrinter.forOneShot(out, output, showLog);
    PushEvent.AppChecked[] checked = {null};
    PushListener listener =
        e -> {
          if (e instanceof PushEvent.AppChecked c) {
            checked[0] = c;
          }
          printer.on(e);
        };
    PrintWriter err = spec.commandLine().getErr();
    try (FolderLock.Lease lease = lock(dir, "deckhand push", false, err);
        ClusterConnection.Connection cluster = ClusterConnection.connect()) {
      PushResult result =
          new PushSession(
                  dir,
                  cluster.client(),
                  cluster.platform(),
                  PushOptions.defaults().withForce(force).withReadyTimeout(ready.duration()),
                  listener)
              .run();
      if (!result.success()) {
        spec.commandLine().getErr().println("deckhand: push failed: " + result.summary());
        return 1;
      }
      return afterSuccess(checked[0], err);
    }
  }

  /** Exit code of a push whose files arrived and were recorded, but whose app does not stay up. */
  static final int APP_DOWN = 3;

  /**
   * A push that succeeded can leave an app that is down or not answering: one line on stderr says
   * so (editors show stderr), and an app that does not stay up exits {@value #APP_DOWN}, apart from
   * 1 (the push failed, nothing was recorded), so a script or an editor's task can tell "fix your
   * code" from "push again".
   */
  static int afterSuccess(PushEvent.AppChecked checked, PrintWriter err) {
    AppState app = checked == null ? null : checked.appState();
    if (app == null || app == AppState.ANSWERING || app == AppState.RUNNING) {
      return 0;
    }
    if (app.down()) {
      err.println("deckhand: pushed, but the app is down: " + checked.message());
      err.flush();
      return APP_DOWN;
    }
    err.println("deckhand: warning: " + checked.message());
    err.flush();
    return 0;
  }

  /**
   * Takes the folder's lock for {@code command}, waiting (and saying so) for another push of the
   * folder to end; a watch or the window holds it for good and is not waited for.
   */
  static FolderLock.Lease lock(Path dir, String command, boolean lasting, PrintWriter err)
      throws InterruptedException {
    try {
      return FolderLock.acquire(
          dir,
          command,
          lasting,
          LOCK_WAIT,
          holder -> {
            err.println(
                "deckhand: waiting for "
                    + holder.describe(FolderLock.localHost(), ZoneId.systemDefault())
                    + " to finish with "
                    + dir);
            err.flush();
          },
          Clock.systemUTC());
    } catch (FolderBusyException e) {
      throw new CliException(e.getMessage());
    } catch (IOException e) {
      throw new CliException(e.getMessage());
    }
  }
}

package dev.deckhand.app.cli;

import dev.deckhand.core.event.AppState;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.event.Stage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** Prints a push's events as readable lines, one per stage, like odo's spinner texts. */
final class TextProgress implements PushListener {
  private final PrintWriter out;
  private final boolean showLog;
  private final boolean printsFailure;
  private boolean warnReady;

  TextProgress(PrintWriter out, boolean showLog) {
    this(out, showLog, true);
  }

  /**
   * @param printsFailure whether a failed push's closing line goes to {@code out}; {@code push}
   *     says its failure on stderr itself, {@code watch} carries on and lists it with the rest
   */
  TextProgress(PrintWriter out, boolean showLog, boolean printsFailure) {
    this.out = out;
    this.showLog = showLog;
    this.printsFailure = printsFailure;
  }

  @Override
  public void on(PushEvent event) {
    if (event instanceof PushEvent.AppChecked e) {
      // Said by the ready stage's own line, which follows; an app that runs but does not answer
      // (or could not be checked) is no ✓.
      warnReady = e.appState() == AppState.NOT_ANSWERING || e.appState() == AppState.UNKNOWN;
    } else if (event instanceof PushEvent.StageCompleted e) {
      // A step over before this push began has no time of this push; zero means unrecorded.
      boolean untimed = e.earlier() && e.duration().isZero();
      line(
          e.stage() == Stage.READY && warnReady ? "!" : "✓",
          e.stage(),
          e.container(),
          e.message() + (untimed ? "" : "  " + duration(e.duration())));
    } else if (event instanceof PushEvent.StageFailed e) {
      line("✗", e.stage(), e.container(), e.reason());
      for (String l : e.logTail()) {
        out.println("    | " + l);
      }
    } else if (event instanceof PushEvent.Hold e) {
      line("…", e.stage(), e.container(), e.reason());
    } else if (event instanceof PushEvent.LogLine e) {
      if (showLog) {
        out.println(
            "    " + (e.stream() == PushEvent.OutputStream.STDERR ? "! " : "| ") + e.text());
      }
    } else if (event instanceof PushEvent.PushFinished e && (e.success() || printsFailure)) {
      out.println(
          (e.success() ? "" : "Push failed: ")
              + e.summary()
              + (e.success() && e.execs() == 0 && e.filesSent() == 0 ? " (use -f to force)" : "")
              + (e.url() != null && e.green() ? " — " + e.url() : "")
              + " ("
              + duration(e.duration())
              + ")");
    }
    out.flush();
  }

  private void line(String mark, Stage stage, String container, String text) {
    String label =
        stage.id() + (container != null && stage == Stage.INIT_CONTAINER ? " " + container : "");
    out.printf(Locale.ROOT, "%s %-34s %s%n", mark, label, text);
  }

  static String duration(Duration d) {
    long ms = d.toMillis();
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}

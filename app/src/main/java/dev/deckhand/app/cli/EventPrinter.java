package dev.deckhand.app.cli;

import dev.deckhand.core.event.EventJson;
import dev.deckhand.core.event.PushListener;
import java.io.PrintWriter;

/** How push and watch print events: readable lines, or one JSON object per line for editors. */
final class EventPrinter {
  private EventPrinter() {}

  static PushListener of(PrintWriter out, OutputFormat format, boolean showLog) {
    return of(out, format, showLog, true);
  }

  /**
   * For a command whose failure is its own result ({@code push}): a failed push's closing line is
   * left to the caller, which says it on stderr; JSON events stay whole on {@code out}.
   */
  static PushListener forOneShot(PrintWriter out, OutputFormat format, boolean showLog) {
    return of(out, format, showLog, false);
  }

  private static PushListener of(
      PrintWriter out, OutputFormat format, boolean showLog, boolean printsFailure) {
    if (format == OutputFormat.json) {
      return e -> {
        synchronized (out) {
          out.println(EventJson.line(e));
          out.flush();
        }
      };
    }
    return new TextProgress(out, showLog, printsFailure);
  }
}

package dev.deckhand.app.cli;

import dev.deckhand.core.event.EventJson;
import dev.deckhand.core.event.PushListener;
import java.io.PrintWriter;

/** How push and watch print events: readable lines, or one JSON object per line for editors. */
final class EventPrinter {
  private EventPrinter() {}

  static PushListener of(PrintWriter out, OutputFormat format, boolean showLog) {
    if (format == OutputFormat.json) {
      return e -> {
        synchronized (out) {
          out.println(EventJson.line(e));
          out.flush();
        }
      };
    }
    return new TextProgress(out, showLog);
  }
}

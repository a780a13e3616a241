package dev.deckhand.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import org.slf4j.LoggerFactory;

/**
 * {@code --verbose}: the libraries' log lines (kept in the log file by logback.xml) go to stderr
 * too, at INFO, and Deckhand's own at DEBUG.
 */
final class LibraryLogging {
  private LibraryLogging() {}

  static void toTerminal() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      toTerminal(context);
    }
  }

  static void toTerminal(LoggerContext context) {
    Logger deckhand = context.getLogger("dev.deckhand");
    Appender<ch.qos.logback.classic.spi.ILoggingEvent> stderr = deckhand.getAppender("STDERR");
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    if (stderr != null && root.getAppender("STDERR") == null) {
      root.addAppender(stderr);
    }
    root.setLevel(Level.INFO);
    deckhand.setLevel(Level.DEBUG);
  }
}

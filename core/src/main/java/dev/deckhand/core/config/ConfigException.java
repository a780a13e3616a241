package dev.deckhand.core.config;

import java.nio.file.Path;

/**
 * A config or settings file that cannot be used, with enough detail to fix it: the file, the line
 * (1-based, 0 when unknown) and the field.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String field;

  public ConfigException(Path file, int line, String field, String problem, Throwable cause) {
    super(format(file, line, field, problem), cause);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public ConfigException(Path file, int line, String field, String problem) {
    this(file, line, field, problem, null);
  }

  private static String format(Path file, int line, String field, String problem) {
    StringBuilder sb = new StringBuilder().append(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(problem).toString();
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String field() {
    return field;
  }
}

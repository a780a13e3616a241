package dev.deckhand.core.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component type as odo accepts it ({@code util.ParseComponentImageName}): {@code
 * [namespace/]name[:tag]}. Absent parts are null.
 */
public record TypeSpec(String namespace, String name, String tag) {
  private static final Pattern FORMAT =
      Pattern.compile(
          "(?:([a-z0-9][-a-z0-9.]*)/)?([a-zA-Z0-9][-a-zA-Z0-9._]*)(?::([\\w][\\w.-]*))?");

  /** Parses the text; the exception message says what is wrong. */
  public static TypeSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the component type is empty");
    }
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a component type (expected [namespace/]name[:tag], e.g. nodejs:14)");
    }
    return new TypeSpec(m.group(1), m.group(2), m.group(3));
  }
}

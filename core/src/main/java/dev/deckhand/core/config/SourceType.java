package dev.deckhand.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** odo's {@code SourceType}: where the component's source comes from. */
public enum SourceType {
  LOCAL("local"),
  BINARY("binary"),
  GIT("git");

  private final String yaml;

  SourceType(String yaml) {
    this.yaml = yaml;
  }

  @JsonValue
  public String yaml() {
    return yaml;
  }

  @JsonCreator
  public static SourceType parse(String value) {
    for (SourceType t : values()) {
      if (t.yaml.equals(value.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown source type '" + value + "' (expected local, binary or git)");
  }
}

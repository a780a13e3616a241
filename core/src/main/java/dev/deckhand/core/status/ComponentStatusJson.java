package dev.deckhand.core.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * {@link ComponentStatus} as one line of JSON; the fields are listed on {@link ComponentStatus}.
 */
public final class ComponentStatusJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ComponentStatusJson() {}

  /** One JSON object, no line breaks. */
  public static String toJson(ComponentStatus status) {
    try {
      return MAPPER.writeValueAsString(status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a status as JSON", e);
    }
  }

  /** Reads what {@link #toJson} wrote (for clients and tests). */
  public static ComponentStatus fromJson(String json) {
    try {
      return MAPPER.readValue(json, ComponentStatus.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a component status: " + e.getOriginalMessage(), e);
    }
  }
}

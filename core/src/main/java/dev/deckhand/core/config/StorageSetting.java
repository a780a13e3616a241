package dev.deckhand.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of odo's {@code Storage}: a PVC mounted into the app container. */
@JsonPropertyOrder({"Name", "Size", "Path"})
public record StorageSetting(
    @JsonProperty("Name") String name,
    @JsonProperty("Size") String size,
    @JsonProperty("Path") String path) {}

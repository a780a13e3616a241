package dev.deckhand.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of odo's {@code Envs}. */
@JsonPropertyOrder({"Name", "Value"})
public record EnvSetting(@JsonProperty("Name") String name, @JsonProperty("Value") String value) {}

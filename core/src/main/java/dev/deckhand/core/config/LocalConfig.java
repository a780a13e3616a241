package dev.deckhand.core.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole {@code .odo/config.yaml} document, in odo 1.x's LocalConfig shape. odo serialises it
 * with yaml.v2 and an inline TypeMeta that only has json tags, hence the lower-case {@code kind}
 * and {@code apiversion} keys next to the capitalised {@code ComponentSettings}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "apiversion", "ComponentSettings"})
public final class LocalConfig {
  public static final String KIND = "LocalConfig";
  public static final String API_VERSION = "odo.openshift.io/v1alpha1";

  @JsonProperty("kind")
  public String kind = KIND;

  @JsonProperty("apiversion")
  public String apiVersion = API_VERSION;

  @JsonProperty("ComponentSettings")
  public ComponentSettings settings = new ComponentSettings();

  private final Map<String, Object> unknown = new LinkedHashMap<>();

  @JsonAnySetter
  void putUnknown(String key, Object value) {
    unknown.put(key, value);
  }

  @JsonAnyGetter
  public Map<String, Object> unknown() {
    return unknown;
  }

  /** A new config with the given settings and the standard header. */
  public static LocalConfig of(ComponentSettings settings) {
    LocalConfig config = new LocalConfig();
    config.settings = settings;
    return config;
  }
}

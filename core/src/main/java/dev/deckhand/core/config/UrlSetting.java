package dev.deckhand.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of odo's {@code Url}: a Route (OpenShift) or Ingress (Kubernetes) to a port. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Name", "Port", "Secure"})
public record UrlSetting(
    @JsonProperty("Name") String name,
    @JsonProperty("Port") int port,
    @JsonProperty("Secure") Boolean secure) {

  public boolean isSecure() {
    return Boolean.TRUE.equals(secure);
  }
}

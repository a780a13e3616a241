package dev.deckhand.core.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * odo 1.x {@code ComponentSettings}: every key is optional (odo marks them all {@code omitempty}),
 * so absent values are {@code null}. Keys Deckhand does not know are kept in {@link #unknown()} and
 * written back unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "Type",
  "SourceLocation",
  "SourceType",
  "Ref",
  "Ports",
  "Application",
  "Project",
  "Name",
  "MinMemory",
  "MaxMemory",
  "MinCPU",
  "MaxCPU",
  "DebugPort",
  "Ignore",
  "Storage",
  "Envs",
  "Url"
})
public final class ComponentSettings {
  @JsonProperty("Type")
  public String type;

  @JsonProperty("SourceLocation")
  public String sourceLocation;

  @JsonProperty("SourceType")
  public SourceType sourceType;

  @JsonProperty("Ref")
  public String ref;

  @JsonProperty("Ports")
  public List<String> ports;

  @JsonProperty("Application")
  public String application;

  @JsonProperty("Project")
  public String project;

  @JsonProperty("Name")
  public String name;

  @JsonProperty("MinMemory")
  public String minMemory;

  @JsonProperty("MaxMemory")
  public String maxMemory;

  @JsonProperty("MinCPU")
  public String minCpu;

  @JsonProperty("MaxCPU")
  public String maxCpu;

  @JsonProperty("DebugPort")
  public Integer debugPort;

  @JsonProperty("Ignore")
  public Boolean ignore;

  @JsonProperty("Storage")
  public List<StorageSetting> storage;

  @JsonProperty("Envs")
  public List<EnvSetting> envs;

  @JsonProperty("Url")
  public List<UrlSetting> urls;

  private final Map<String, Object> unknown = new LinkedHashMap<>();

  @JsonAnySetter
  void putUnknown(String key, Object value) {
    unknown.put(key, value);
  }

  @JsonAnyGetter
  public Map<String, Object> unknown() {
    return unknown;
  }

  /** A deep copy, so callers can change settings without touching a loaded config. */
  public ComponentSettings copy() {
    ComponentSettings c = new ComponentSettings();
    c.type = type;
    c.sourceLocation = sourceLocation;
    c.sourceType = sourceType;
    c.ref = ref;
    c.ports = ports == null ? null : new ArrayList<>(ports);
    c.application = application;
    c.project = project;
    c.name = name;
    c.minMemory = minMemory;
    c.maxMemory = maxMemory;
    c.minCpu = minCpu;
    c.maxCpu = maxCpu;
    c.debugPort = debugPort;
    c.ignore = ignore;
    c.storage = storage == null ? null : new ArrayList<>(storage);
    c.envs = envs == null ? null : new ArrayList<>(envs);
    c.urls = urls == null ? null : new ArrayList<>(urls);
    c.unknown.putAll(unknown);
    return c;
  }

  /** odo's default application name. */
  public static final String DEFAULT_APPLICATION = "app";

  /** odo's default debug port ({@code DEBUG_PORT} when the config has none). */
  public static final int DEFAULT_DEBUG_PORT = 5858;

  public String applicationOrDefault() {
    return application == null || application.isBlank() ? DEFAULT_APPLICATION : application;
  }

  public int debugPortOrDefault() {
    return debugPort == null ? DEFAULT_DEBUG_PORT : debugPort;
  }

  public SourceType sourceTypeOrDefault() {
    return sourceType == null ? SourceType.LOCAL : sourceType;
  }

  public List<String> portsOrEmpty() {
    return ports == null ? List.of() : ports;
  }

  public List<EnvSetting> envsOrEmpty() {
    return envs == null ? List.of() : envs;
  }

  public List<UrlSetting> urlsOrEmpty() {
    return urls == null ? List.of() : urls;
  }

  public List<StorageSetting> storageOrEmpty() {
    return storage == null ? List.of() : storage;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ComponentSettings)) {
      return false;
    }
    ComponentSettings that = (ComponentSettings) o;
    return Objects.equals(type, that.type)
        && Objects.equals(sourceLocation, that.sourceLocation)
        && sourceType == that.sourceType
        && Objects.equals(ref, that.ref)
        && Objects.equals(ports, that.ports)
        && Objects.equals(application, that.application)
        && Objects.equals(project, that.project)
        && Objects.equals(name, that.name)
        && Objects.equals(minMemory, that.minMemory)
        && Objects.equals(maxMemory, that.maxMemory)
        && Objects.equals(minCpu, that.minCpu)
        && Objects.equals(maxCpu, that.maxCpu)
        && Objects.equals(debugPort, that.debugPort)
        && Objects.equals(ignore, that.ignore)
        && Objects.equals(storage, that.storage)
        && Objects.equals(envs, that.envs)
        && Objects.equals(urls, that.urls)
        && unknown.equals(that.unknown);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, application, project, ports);
  }
}

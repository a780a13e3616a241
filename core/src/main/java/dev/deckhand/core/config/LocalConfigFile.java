package dev.deckhand.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.deckhand.core.files.AtomicFiles;
import dev.deckhand.core.files.OdoFolder;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code <context>/.odo/config.yaml} so that odo 1.x and Deckhand can share a
 * component folder: what one writes, the other reads, and keys Deckhand does not know survive.
 */
public final class LocalConfigFile {
  public static final String ODO_DIR = ".odo";
  public static final String FILE_NAME = "config.yaml";

  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private static final ObjectMapper YAML = yamlMapper();

  private LocalConfigFile() {}

  static ObjectMapper yamlMapper() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        // odo (Go) rejects 1.5 for an int field; Jackson would quietly make it 1.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  public static Path pathIn(Path contextDir) {
    return contextDir.resolve(ODO_DIR).resolve(FILE_NAME);
  }

  /** The config of a component folder, or empty when the folder has none. */
  public static Optional<LocalConfig> readIfPresent(Path contextDir) throws ConfigException {
    Path file = pathIn(contextDir);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (AccessDeniedException e) {
      throw new ConfigException(file, 0, null, "cannot read it: permission denied", e);
    } catch (IOException e) {
      throw new ConfigException(file, 0, null, "cannot read it: " + e.getMessage(), e);
    }
    return Optional.of(parse(file, YamlText.decode(file, bytes)));
  }

  /** The config of a component folder; a missing file is an error that says how to make one. */
  public static LocalConfig read(Path contextDir) throws ConfigException {
    return readIfPresent(contextDir)
        .orElseThrow(
            () ->
                new ConfigException(
                    pathIn(contextDir),
                    0,
                    null,
                    "no component here; run 'deckhand create' in " + contextDir + " first"));
  }

  /** Parses and validates a config document; {@code file} only names it in messages. */
  public static LocalConfig parse(Path file, String text) throws ConfigException {
    if (text.isBlank()) {
      throw new ConfigException(file, 1, null, "the file is empty");
    }
    LocalConfig config;
    try {
      config = YAML.readValue(text, LocalConfig.class);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException syntax
          && !(syntax instanceof InputCoercionException)) {
        throw new ConfigException(
            file,
            YamlDiagnostics.errorLine(syntax),
            null,
            "not valid YAML: " + YamlDiagnostics.syntaxProblem(syntax),
            e);
      }
      throw new ConfigException(
          file, YamlDiagnostics.errorLine(e), YamlDiagnostics.fieldPath(e), cleanMessage(e), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          file,
          YamlDiagnostics.errorLine(e),
          null,
          "not valid YAML: " + YamlDiagnostics.syntaxProblem(e),
          e);
    }
    if (config == null) {
      throw new ConfigException(file, 1, null, "the file is empty");
    }
    validate(file, config, YamlDiagnostics.of(text));
    return config;
  }

  /** Writes atomically (temp file + rename) with odo's permissions: 0600 file in a 0750 folder. */
  public static void write(Path contextDir, LocalConfig config) throws IOException {
    Path file = pathIn(contextDir);
    OdoFolder.prepare(contextDir);
    byte[] bytes = YAML.writeValueAsBytes(config);
    AtomicFiles.write(file, bytes, true);
  }

  /** The YAML odo would read for this config. */
  public static String toYaml(LocalConfig config) {
    try {
      return YAML.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("config cannot be serialised", e);
    }
  }

  private static void validate(Path file, LocalConfig config, YamlDiagnostics where)
      throws ConfigException {
    if (config.kind != null && !LocalConfig.KIND.equals(config.kind)) {
      throw new ConfigException(
          file,
          where.lineOf("kind"),
          "kind",
          "is '" + config.kind + "', expected '" + LocalConfig.KIND + "'");
    }
    ComponentSettings s = config.settings;
    if (s == null) {
      throw new ConfigException(file, 0, "ComponentSettings", "is missing");
    }
    String base = "ComponentSettings.";
    if (s.name != null && !isDnsLabel(s.name)) {
      throw new ConfigException(
          file,
          where.lineOf(base + "Name"),
          base + "Name",
          "'"
              + s.name
              + "' is not a valid name (lower-case letters, digits and '-', at most 63, starting"
              + " and ending with a letter or digit)");
    }
    if (s.application != null && !isDnsLabel(s.application)) {
      throw new ConfigException(
          file,
          where.lineOf(base + "Application"),
          base + "Application",
          "'" + s.application + "' is not a valid application name");
    }
    List<String> ports = s.portsOrEmpty();
    for (int i = 0; i < ports.size(); i++) {
      String field = base + "Ports[" + i + "]";
      try {
        if (ports.get(i) == null) {
          throw new IllegalArgumentException("is empty");
        }
        PortSpec.parse(ports.get(i));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file, where.lineOf(field), field, e.getMessage());
      }
    }
    if (s.debugPort != null && (s.debugPort < 1 || s.debugPort > 65535)) {
      throw new ConfigException(
          file,
          where.lineOf(base + "DebugPort"),
          base + "DebugPort",
          s.debugPort + " is outside 1-65535");
    }
    Set<String> envNames = new HashSet<>();
    List<EnvSetting> envs = s.envsOrEmpty();
    for (int i = 0; i < envs.size(); i++) {
      String field = base + "Envs[" + i + "].Name";
      EnvSetting env = envs.get(i);
      if (env == null || env.name() == null || !ENV_NAME.matcher(env.name()).matches()) {
        throw new ConfigException(
            file,
            where.lineOf(field),
            field,
            "'" + (env == null ? null : env.name()) + "' is not a valid environment variable name");
      }
      if (!envNames.add(env.name())) {
        throw new ConfigException(
            file, where.lineOf(field), field, "'" + env.name() + "' is set twice");
      }
    }
    List<UrlSetting> urls = s.urlsOrEmpty();
    for (int i = 0; i < urls.size(); i++) {
      UrlSetting url = urls.get(i);
      String field = base + "Url[" + i + "]";
      if (url == null || url.name() == null || !isDnsLabel(url.name())) {
        throw new ConfigException(
            file, where.lineOf(field + ".Name"), field + ".Name", "is missing or not a valid name");
      }
      if (url.port() < 1 || url.port() > 65535) {
        throw new ConfigException(
            file, where.lineOf(field + ".Port"), field + ".Port", url.port() + " is not a port");
      }
    }
    List<StorageSetting> storage = s.storageOrEmpty();
    for (int i = 0; i < storage.size(); i++) {
      StorageSetting st = storage.get(i);
      String field = base + "Storage[" + i + "]";
      if (st == null || st.name() == null || !isDnsLabel(st.name())) {
        throw new ConfigException(
            file, where.lineOf(field + ".Name"), field + ".Name", "is missing or not a valid name");
      }
      if (st.path() == null || !st.path().startsWith("/")) {
        throw new ConfigException(
            file,
            where.lineOf(field + ".Path"),
            field + ".Path",
            "must be an absolute path in the container");
      }
    }
  }

  private static boolean isDnsLabel(String s) {
    return s.length() <= 63 && DNS_1123_LABEL.matcher(s).matches();
  }

  private static String cleanMessage(JsonMappingException e) {
    return YamlDiagnostics.problemOf(e);
  }
}

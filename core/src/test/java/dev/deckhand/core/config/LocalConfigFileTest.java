package dev.deckhand.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConfigFileTest {
  @TempDir Path dir;

  private static String fixture(String name) throws IOException {
    try (InputStream in = LocalConfigFileTest.class.getResourceAsStream("/config/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path withConfig(String yaml) throws IOException {
    Files.createDirectories(dir.resolve(".odo"));
    Files.writeString(dir.resolve(".odo/config.yaml"), yaml);
    return dir;
  }

  @Test
  void readsWhatOdoCreateWrites() throws Exception {
    LocalConfig config = LocalConfigFile.read(withConfig(fixture("odo-create-nodejs.yaml")));

    ComponentSettings s = config.settings;
    assertThat(config.kind).isEqualTo("LocalConfig");
    assertThat(config.apiVersion).isEqualTo("odo.openshift.io/v1alpha1");
    assertThat(s.type).isEqualTo("nodejs");
    assertThat(s.sourceLocation).isEqualTo("./");
    assertThat(s.sourceType).isEqualTo(SourceType.LOCAL);
    assertThat(s.ports).containsExactly("8080/TCP");
    assertThat(s.application).isEqualTo("app");
    assertThat(s.project).isEqualTo("myproject");
    assertThat(s.name).isEqualTo("nodejs-nodejs-ex-kagx");
    assertThat(s.debugPortOrDefault()).isEqualTo(5858);
  }

  @Test
  void readsEveryOdoKey() throws Exception {
    ComponentSettings s = LocalConfigFile.read(withConfig(fixture("odo-full.yaml"))).settings;

    assertThat(s.type).isEqualTo("openshift/java:8");
    assertThat(s.sourceType).isEqualTo(SourceType.BINARY);
    assertThat(s.sourceLocation).isEqualTo("target/app.jar");
    assertThat(s.ports).containsExactly("8080", "8443/tcp", "8778/UDP");
    assertThat(s.ports.stream().map(PortSpec::parse).map(PortSpec::portName))
        .containsExactly("8080-tcp", "8443-tcp", "8778-udp");
    assertThat(s.minMemory).isEqualTo("256Mi");
    assertThat(s.maxMemory).isEqualTo("512Mi");
    assertThat(s.minCpu).isEqualTo("0.5");
    assertThat(s.maxCpu).isEqualTo("1");
    assertThat(s.debugPort).isEqualTo(5005);
    assertThat(s.ignore).isTrue();
    assertThat(s.storage).containsExactly(new StorageSetting("data", "1Gi", "/data"));
    assertThat(s.envs)
        .containsExactly(new EnvSetting("FOO", "bar"), new EnvSetting("JAVA_OPTS", "-Xmx256m"));
    assertThat(s.urls)
        .containsExactly(new UrlSetting("web", 8080, null), new UrlSetting("secure", 8443, true));
    assertThat(s.urls.get(1).isSecure()).isTrue();
  }

  @Test
  void writesWhatOdoReads() throws Exception {
    ComponentSettings s = new ComponentSettings();
    s.type = "nodejs";
    s.sourceLocation = "./";
    s.sourceType = SourceType.LOCAL;
    s.ports = List.of("8080/TCP", "3000");
    s.application = "app";
    s.project = "myproject";
    s.name = "web";
    s.minCpu = "0.5";
    s.debugPort = 5858;

    LocalConfigFile.write(dir, LocalConfig.of(s));

    // yaml.v2 shape: lower-case header keys, capitalised settings, block lists at the key's
    // indentation, number-like strings quoted so Go reads them back as strings.
    assertThat(Files.readString(dir.resolve(".odo/config.yaml")))
        .isEqualTo(
            "kind: LocalConfig\n"
                + "apiversion: odo.openshift.io/v1alpha1\n"
                + "ComponentSettings:\n"
                + "  Type: nodejs\n"
                + "  SourceLocation: ./\n"
                + "  SourceType: local\n"
                + "  Ports:\n"
                + "  - 8080/TCP\n"
                + "  - \"3000\"\n"
                + "  Application: app\n"
                + "  Project: myproject\n"
                + "  Name: web\n"
                + "  MinCPU: \"0.5\"\n"
                + "  DebugPort: 5858\n");
  }

  @Test
  void odoWrittenFileSurvivesRoundTripUnchanged() throws Exception {
    String original = fixture("odo-full.yaml");
    LocalConfig config = LocalConfigFile.read(withConfig(original));

    LocalConfigFile.write(dir, config);
    LocalConfig again = LocalConfigFile.read(dir);

    assertThat(again.settings).isEqualTo(config.settings);
    assertThat(again.settings.ports).containsExactly("8080", "8443/tcp", "8778/UDP");
  }

  @Test
  void unknownKeysSurviveRoundTrip() throws Exception {
    LocalConfig config = LocalConfigFile.read(withConfig(fixture("odo-future-keys.yaml")));
    config.settings.ports = List.of("3000/TCP", "9229/TCP");

    LocalConfigFile.write(dir, config);
    String written = Files.readString(dir.resolve(".odo/config.yaml"));
    LocalConfig again = LocalConfigFile.read(dir);

    assertThat(written).contains("NewerOdoKey: kept").contains("TopLevelExtra:");
    assertThat(again.settings.unknown())
        .containsEntry("NewerOdoKey", "kept")
        .containsEntry("NestedFuture", Map.of("depth", 2, "list", List.of("a", "b")));
    assertThat(again.unknown())
        .containsEntry("TopLevelExtra", Map.of("note", "written by a newer tool"));
    assertThat(again.settings.ports).containsExactly("3000/TCP", "9229/TCP");
  }

  @Test
  void writesWithOdoPermissions() throws Exception {
    ComponentSettings s = new ComponentSettings();
    s.name = "web";
    LocalConfigFile.write(dir, LocalConfig.of(s));

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(".odo/config.yaml"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".odo"))))
        .isEqualTo("rwxr-x---");
    try (var files = Files.list(dir.resolve(".odo"))) {
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrder("config.yaml", ".gitignore");
    }
  }

  @Test
  void missingConfigSaysHowToCreateOne() {
    assertThatThrownBy(() -> LocalConfigFile.read(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(".odo/config.yaml")
        .hasMessageContaining("deckhand create");
  }

  @Test
  void syntaxErrorNamesFileAndLine() throws Exception {
    withConfig(
        "kind: LocalConfig\nComponentSettings:\n  Type: nodejs\n  Ports: [8080\n  Name: x\n");

    assertThatThrownBy(() -> LocalConfigFile.read(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.file()).isEqualTo(dir.resolve(".odo/config.yaml"));
              assertThat(e.line()).isBetween(4, 6);
            })
        .hasMessageContaining("config.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void wrongShapeNamesLineAndField() throws Exception {
    withConfig("kind: LocalConfig\nComponentSettings:\n  Type: nodejs\n  DebugPort: fast\n");

    assertThatThrownBy(() -> LocalConfigFile.read(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.field()).isEqualTo("ComponentSettings.DebugPort");
            })
        .hasMessageContaining(
            "config.yaml:4: ComponentSettings.DebugPort: expected a whole number");
  }

  @Test
  void badPortNamesTheListItemLine() throws Exception {
    withConfig(
        "kind: LocalConfig\nComponentSettings:\n  Ports:\n  - 8080/TCP\n  - http\n  Name: web\n");

    assertThatThrownBy(() -> LocalConfigFile.read(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.line()).isEqualTo(5);
              assertThat(e.field()).isEqualTo("ComponentSettings.Ports[1]");
            })
        .hasMessageContaining("'http' is not a port");
  }

  @Test
  void duplicateEnvAndBadNameAreRejected() throws Exception {
    withConfig(
        "kind: LocalConfig\nComponentSettings:\n  Envs:\n  - Name: A\n    Value: x\n"
            + "  - Name: A\n    Value: y\n");
    assertThatThrownBy(() -> LocalConfigFile.read(dir))
        .hasMessageContaining("ComponentSettings.Envs[1].Name: 'A' is set twice")
        .hasMessageContaining(":6:");

    withConfig("kind: LocalConfig\nComponentSettings:\n  Name: My_App\n");
    assertThatThrownBy(() -> LocalConfigFile.read(dir))
        .hasMessageContaining(":3: ComponentSettings.Name: 'My_App' is not a valid name");
  }

  @Test
  void wrongKindAndUnknownSourceTypeAreRejected() throws Exception {
    withConfig("kind: Preference\nComponentSettings:\n  Name: web\n");
    assertThatThrownBy(() -> LocalConfigFile.read(dir))
        .hasMessageContaining(":1: kind: is 'Preference', expected 'LocalConfig'");

    withConfig("kind: LocalConfig\nComponentSettings:\n  SourceType: svn\n");
    assertThatThrownBy(() -> LocalConfigFile.read(dir))
        .hasMessageContaining(":3: ComponentSettings.SourceType: unknown source type 'svn'");
  }

  @Test
  void emptyFileIsAnError() throws Exception {
    withConfig("");
    assertThatThrownBy(() -> LocalConfigFile.read(dir)).hasMessageContaining("empty");
  }

  private String problemWith(byte[] content) throws IOException {
    Files.createDirectories(dir.resolve(".odo"));
    Files.write(dir.resolve(".odo/config.yaml"), content);
    try {
      LocalConfigFile.read(dir);
    } catch (ConfigException e) {
      String message = e.getMessage();
      assertThat(message)
          .doesNotContain(
              "JsonToken", "Source:", "deserialize", "Exception", "java.", "dev.deckhand", "`");
      return message.replace(dir.resolve(".odo/config.yaml").toString(), "config.yaml");
    }
    throw new AssertionError("accepted: " + new String(content, StandardCharsets.UTF_8));
  }

  private String problemWith(String yaml) throws IOException {
    return problemWith(yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFileThatIsNotUtf8TextSaysSoWithLineAndColumn() throws IOException {
    assertThat(problemWith(new byte[] {'k', 'i', 'n', 'd', 0, 1, (byte) 0xff}))
        .isEqualTo(
            "config.yaml:1: contains binary data (a NUL byte in column 5); it must be YAML text");
    assertThat(
            problemWith(
                "kind: LocalConfig\nComponentSettings:\n  Name: café\n"
                    .getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo(
            "config.yaml:3: is not UTF-8 text (byte 0xE9 in column 12): binary, or saved in"
                + " another encoding; save it as UTF-8");
  }

  @Test
  void aValueOfTheWrongFormSaysWhatWasExpectedAndWhatWasFound() throws IOException {
    String head = "kind: LocalConfig\nComponentSettings:\n";
    assertThat(problemWith(head + "  Name: [a, b]\n"))
        .isEqualTo("config.yaml:3: ComponentSettings.Name: expected a single value, found a list");
    assertThat(problemWith(head + "  Name:\n    x: y\n"))
        .isEqualTo(
            "config.yaml:4: ComponentSettings.Name: expected a single value, found a mapping");
    assertThat(problemWith(head + "  Ports: 8080\n"))
        .isEqualTo("config.yaml:3: ComponentSettings.Ports: expected a list");
    assertThat(problemWith(head + "  DebugPort: fast\n"))
        .isEqualTo(
            "config.yaml:3: ComponentSettings.DebugPort: expected a whole number, found 'fast'");
    assertThat(problemWith(head + "  DebugPort: 1.5\n"))
        .isEqualTo(
            "config.yaml:3: ComponentSettings.DebugPort: expected a whole number, found '1.5'");
    assertThat(problemWith(head + "  DebugPort: 99999999999999\n"))
        .isEqualTo(
            "config.yaml:3: ComponentSettings.DebugPort: the number is out of range (expected a"
                + " whole number from -2147483648 to 2147483647)");
    assertThat(problemWith(head + "  SourceType: [git]\n"))
        .isEqualTo(
            "config.yaml:3: ComponentSettings.SourceType: expected a single value, found a list");
    assertThat(problemWith(head + "  Envs:\n  - FOO\n"))
        .isEqualTo(
            "config.yaml:4: ComponentSettings.Envs[0]: expected a mapping (name: value lines),"
                + " found 'FOO'");
    assertThat(problemWith("kind: LocalConfig\nComponentSettings: [1, 2]\n"))
        .isEqualTo(
            "config.yaml:2: ComponentSettings: expected a mapping (name: value lines), found a"
                + " list");
    assertThat(problemWith("- a\n- b\n"))
        .isEqualTo("config.yaml:1: expected a mapping (name: value lines), found a list");
    assertThat(problemWith(head + "  Name: 'web\n"))
        .isEqualTo(
            "config.yaml:3: not valid YAML: while scanning a quoted scalar: found unexpected end of"
                + " stream");
  }
}

package dev.deckhand.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deckhand.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentCatalogTest {
  @TempDir Path dir;

  @Test
  void builtInNodejs() {
    ComponentType nodejs = ComponentCatalog.builtIn().find("nodejs").orElseThrow();
    assertThat(nodejs.imageStream()).isEqualTo(new ImageStreamRef("openshift", "nodejs", "latest"));
    assertThat(nodejs.kubernetesImage())
        .isEqualTo("registry.access.redhat.com/ubi8/nodejs-16:latest");
    assertThat(nodejs.sandboxImage()).isEqualTo("localhost/deckhand/nodejs-builder:latest");
    assertThat(nodejs.s2i())
        .isEqualTo(
            new S2iLabels(
                "image:///usr/libexec/s2i", "/tmp", "", "/opt/app-root/src", "ubi8/nodejs-16"));
    assertThat(nodejs.defaultPorts()).containsExactly("8080/TCP");
    assertThat(nodejs.detectFiles()).containsExactly("package.json");
  }

  @Test
  void builtInJava() {
    ComponentType java = ComponentCatalog.builtIn().find("java").orElseThrow();
    assertThat(java.imageStream()).isEqualTo(new ImageStreamRef("openshift", "java", "latest"));
    assertThat(java.kubernetesImage())
        .isEqualTo("registry.access.redhat.com/ubi8/openjdk-11:latest");
    assertThat(java.sandboxImage()).isNull();
    assertThat(java.s2i())
        .isEqualTo(
            new S2iLabels(
                "image:///usr/local/s2i",
                "/tmp",
                "/deployments",
                "/home/jboss",
                "ubi8/openjdk-11"));
    assertThat(java.defaultPorts()).containsExactly("8080/TCP", "8443/TCP", "8778/TCP");
    assertThat(java.detectFiles()).containsExactly("pom.xml", "build.gradle");
  }

  @Test
  void builtInNamesInFileOrder() {
    assertThat(ComponentCatalog.builtIn().names()).startsWith("nodejs", "java").contains("python");
  }

  @Test
  void resolvesTagOnly() {
    ResolvedType t = ComponentCatalog.builtIn().resolve("nodejs:14");
    assertThat(t.type().name()).isEqualTo("nodejs");
    assertThat(t.imageStreamNamespace()).isEqualTo("openshift");
    assertThat(t.tag()).isEqualTo("14");
    assertThat(t.imageStream().tagName()).isEqualTo("nodejs:14");
  }

  @Test
  void resolvesNamespaceOnly() {
    ResolvedType t = ComponentCatalog.builtIn().resolve("openshift/nodejs");
    assertThat(t.imageStreamNamespace()).isEqualTo("openshift");
    assertThat(t.tag()).isEqualTo("latest");
  }

  @Test
  void resolvesNamespaceAndTag() {
    ResolvedType t = ComponentCatalog.builtIn().resolve("myns/java:11");
    assertThat(t.type().name()).isEqualTo("java");
    assertThat(t.imageStreamNamespace()).isEqualTo("myns");
    assertThat(t.tag()).isEqualTo("11");
    assertThat(t.imageStream()).hasToString("myns/java:11");
  }

  @Test
  void builderImagePerPlatform() {
    ResolvedType t = ComponentCatalog.builtIn().resolve("nodejs:14");
    assertThat(t.builderImage(Platform.OPENSHIFT))
        .isEqualTo("image-registry.openshift-image-registry.svc:5000/openshift/nodejs:14");
    assertThat(t.builderImage(Platform.KUBERNETES))
        .isEqualTo("registry.access.redhat.com/ubi8/nodejs-16:latest");
    assertThat(t.builderImage(Platform.SANDBOX))
        .isEqualTo("localhost/deckhand/nodejs-builder:latest");
  }

  @Test
  void javaHasNoSandboxImage() {
    ResolvedType t = ComponentCatalog.builtIn().resolve("java");
    assertThatThrownBy(() -> t.builderImage(Platform.SANDBOX))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'java' has no sandbox image");
  }

  @Test
  void unknownTypeListsKnownNames() {
    assertThatThrownBy(() -> ComponentCatalog.builtIn().resolve("ruby:2.7"))
        .isInstanceOf(UnknownComponentTypeException.class)
        .hasMessageContaining("unknown component type 'ruby'")
        .hasMessageContaining("nodejs, java");
  }

  @Test
  void malformedTypeSpec() {
    assertThatThrownBy(() -> ComponentCatalog.builtIn().resolve("a/b/c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[namespace/]name[:tag]");
  }

  @Test
  void userFileAddsAndOverrides() throws Exception {
    Path file =
        write(
            """
            types:
              - name: nodejs
                imageStream: tools/node:18
                kubernetesImage: docker.io/library/node-s2i:18
                s2i:
                  scriptsUrl: file:///usr/libexec/s2i
                  workingDir: /opt/app-root/src
                  builderImageName: my/node-18
                ports: [3000/TCP]
              - name: go
                kubernetesImage: quay.io/me/go-s2i:1.20
                s2i:
                  scriptsUrl: image:///usr/libexec/s2i
                  workingDir: /opt/app-root/src
                  builderImageName: me/go-s2i
                detect: [go.mod]
            """);
    ComponentCatalog catalog = ComponentCatalog.load(file);

    assertThat(catalog.names()).startsWith("nodejs", "java").endsWith("go");
    ComponentType nodejs = catalog.find("nodejs").orElseThrow();
    assertThat(nodejs.imageStream()).isEqualTo(new ImageStreamRef("tools", "node", "18"));
    assertThat(nodejs.sandboxImage()).isNull();
    assertThat(nodejs.s2i().destination()).isEqualTo("/tmp");
    assertThat(nodejs.defaultPorts()).containsExactly("3000/TCP");

    ResolvedType go = catalog.resolve("go");
    assertThat(go.imageStream()).isEqualTo(new ImageStreamRef("openshift", "go", "latest"));
    assertThat(go.builderImage(Platform.KUBERNETES)).isEqualTo("quay.io/me/go-s2i:1.20");
    assertThat(go.type().s2i().scriptsPath()).isEqualTo("/usr/libexec/s2i");
  }

  @Test
  void missingUserFileMeansBuiltInsOnly() throws Exception {
    assertThat(ComponentCatalog.load(dir.resolve("nope.yaml")).names())
        .isEqualTo(ComponentCatalog.builtIn().names());
    assertThat(ComponentCatalog.load(null).names()).isEqualTo(ComponentCatalog.builtIn().names());
  }

  @Test
  void unknownFieldNamesFileLineAndField() throws Exception {
    Path file =
        write(
            """
            types:
              - name: go
                kubernetesImage: quay.io/me/go-s2i:1.20
                s2i:
                  scriptUrl: image:///usr/libexec/s2i
            """);
    ConfigException e = catchConfig(file);
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.field()).isEqualTo("types[0].s2i.scriptUrl");
    assertThat(e.getMessage()).startsWith(file + ":5: types[0].s2i.scriptUrl: unknown field");
  }

  @Test
  void badPortNamesItsLine() throws Exception {
    Path file =
        write(
            """
            types:
              - name: go
                kubernetesImage: quay.io/me/go-s2i:1.20
                s2i:
                  scriptsUrl: image:///usr/libexec/s2i
                ports:
                  - 8080/TCP
                  - http
            """);
    ConfigException e = catchConfig(file);
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.field()).isEqualTo("types[0].ports[1]");
    assertThat(e.getMessage()).contains("'http' is not a port");
  }

  @Test
  void badScriptsUrlNamesItsLine() throws Exception {
    Path file =
        write(
            """
            types:
              - name: go
                kubernetesImage: quay.io/me/go-s2i:1.20
                s2i:
                  scriptsUrl: /usr/libexec/s2i
            """);
    ConfigException e = catchConfig(file);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.field()).isEqualTo("types[0].s2i.scriptsUrl");
    assertThat(e.getMessage()).contains("Unknown scripts url");
  }

  @Test
  void missingKubernetesImage() throws Exception {
    Path file =
        write(
            """
            types:
              - name: go
                s2i:
                  scriptsUrl: image:///usr/libexec/s2i
            """);
    ConfigException e = catchConfig(file);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.field()).isEqualTo("types[0].kubernetesImage");
  }

  @Test
  void yamlSyntaxErrorNamesItsLine() throws Exception {
    Path file = write("types:\n  - name: go\n    s2i: [unclosed\n");
    ConfigException e = catchConfig(file);
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aUserFileThatIsNotUtf8TextSaysSo() throws Exception {
    Path file = write("types:\n  - name: x\n");
    Files.write(file, "types:\n  - name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(catchConfig(file).getMessage())
        .isEqualTo(
            file
                + ":2: is not UTF-8 text (byte 0xE9 in column 14): binary, or saved in another"
                + " encoding; save it as UTF-8");
  }

  @Test
  void defaultUserFileIsUnderConfigDir() {
    assertThat(
            ComponentCatalog.defaultUserFile()
                .endsWith(Path.of("deckhand", "component-types.yaml")))
        .isTrue();
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("component-types.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static ConfigException catchConfig(Path file) {
    try {
      ComponentCatalog.load(file);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected a ConfigException for " + file);
  }
}

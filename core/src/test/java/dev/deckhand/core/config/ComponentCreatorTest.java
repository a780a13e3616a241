package dev.deckhand.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.config.ComponentCreator.Field;
import dev.deckhand.core.config.ComponentCreator.InvalidRequestException;
import dev.deckhand.core.config.ComponentCreator.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentCreatorTest {
  @TempDir Path root;

  private final ComponentCreator creator =
      new ComponentCreator(
          ComponentCatalog.builtIn(), new ComponentNameGenerator(new Random(7)), () -> "team-ns");

  private Path folder(String name) throws Exception {
    return Files.createDirectories(root.resolve(name));
  }

  @Test
  void defaultsEverythingFromTheFolderAndTheType() throws Exception {
    Path dir = folder("Web Shop");
    Files.writeString(dir.resolve("package.json"), "{}");

    ComponentCreator.Result r = creator.create(Request.in(dir));

    ComponentSettings s = LocalConfigFile.read(dir).settings;
    assertThat(s.type).isEqualTo("nodejs").isEqualTo(r.type());
    assertThat(s.name).matches("nodejs-web-shop-[a-z]{4}").isEqualTo(r.name());
    assertThat(s.application).isEqualTo("app");
    assertThat(s.project).isEqualTo("team-ns");
    assertThat(s.ports).containsExactly("8080/TCP");
    assertThat(s.sourceType).isEqualTo(SourceType.LOCAL);
    assertThat(s.sourceLocation).isEqualTo("./");
    assertThat(r.configFile()).isEqualTo(LocalConfigFile.pathIn(dir));
  }

  @Test
  void explicitValuesAreTrimmedAndPortsCanonical() throws Exception {
    Path dir = folder("orders");

    creator.create(
        new Request(dir, " java ", "orders", "shop", "dev", List.of("8080", " 9090/udp "), false));

    ComponentSettings s = LocalConfigFile.read(dir).settings;
    assertThat(s.type).isEqualTo("java");
    assertThat(s.name).isEqualTo("orders");
    assertThat(s.application).isEqualTo("shop");
    assertThat(s.project).isEqualTo("dev");
    assertThat(s.ports).containsExactly("8080/TCP", "9090/UDP");
  }

  @Test
  void helpersForAForm() throws Exception {
    Path dir = folder("api");
    Files.writeString(dir.resolve("pom.xml"), "<project/>");

    assertThat(creator.detectType(dir)).contains("java");
    assertThat(creator.defaultName("java", dir)).matches("java-api-[a-z]{4}");
    assertThat(creator.defaultPorts("nodejs")).containsExactly("8080/TCP");
    assertThat(creator.catalog().names()).contains("nodejs", "java");
  }

  @Test
  void badInputNamesItsFieldAndWritesNothing() throws Exception {
    Path dir = folder("bad");

    assertField(new Request(dir, "nodejs", null, null, null, List.of("http"), false), Field.PORTS)
        .hasMessageContaining("'http' is not a port");
    assertField(new Request(dir, "nodejs", "Bad_Name", null, null, List.of(), false), Field.NAME)
        .hasMessageStartingWith("'Bad_Name' is not a valid name");
    assertField(
        new Request(dir, "nodejs", null, "Sh op", null, List.of(), false), Field.APPLICATION);
    assertField(new Request(dir, "cobol", null, null, null, List.of(), false), Field.TYPE)
        .hasMessageContaining("cobol");
    assertField(Request.in(dir), Field.TYPE).hasMessageContaining("cannot tell the component type");
    assertField(Request.in(dir.resolve("missing")), Field.FOLDER);
    assertThat(dir.resolve(".odo")).doesNotExist();
  }

  @Test
  void anExistingComponentIsKeptUnlessOverwriteIsAsked() throws Exception {
    Path dir = folder("twice");
    creator.create(new Request(dir, "nodejs", "first", null, null, List.of(), false));

    assertField(new Request(dir, "nodejs", "second", null, null, List.of(), false), Field.FOLDER)
        .hasMessageContaining("already has a component");
    assertThat(LocalConfigFile.read(dir).settings.name).isEqualTo("first");

    creator.create(new Request(dir, "nodejs", "second", null, null, List.of(), true));
    assertThat(LocalConfigFile.read(dir).settings.name).isEqualTo("second");
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertField(
      Request request, Field field) {
    ComponentCreator c =
        new ComponentCreator(ComponentCatalog.builtIn(), new ComponentNameGenerator(), () -> "ns");
    return assertThatThrownBy(() -> c.create(request))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}

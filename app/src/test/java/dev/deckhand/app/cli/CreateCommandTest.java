package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.config.SourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateCommandTest {
  @TempDir Path dir;

  @Test
  void detectsNodejsAndWritesOdoConfig() throws Exception {
    Files.writeString(dir.resolve("package.json"), "{\"name\":\"web\"}");

    CliRun run = CliRun.of("create", "--context", dir.toString(), "--project", "dev");

    assertThat(run.exitCode()).as(run.err()).isZero();
    ComponentSettings s = LocalConfigFile.read(dir).settings;
    assertThat(s.type).isEqualTo("nodejs");
    assertThat(s.name).matches("nodejs-" + "[a-z0-9-]*" + "-[a-z]{4}");
    assertThat(s.application).isEqualTo("app");
    assertThat(s.project).isEqualTo("dev");
    assertThat(s.sourceType).isEqualTo(SourceType.LOCAL);
    assertThat(s.sourceLocation).isEqualTo("./");
    assertThat(s.ports).containsExactly("8080/TCP");
    assertThat(run.out()).contains("Created component " + s.name);
  }

  @Test
  void explicitTypeNameAppAndPorts() throws Exception {
    CliRun run =
        CliRun.of(
            "create",
            "java",
            "orders",
            "--context",
            dir.toString(),
            "--app",
            "shop",
            "--project",
            "team",
            "--port",
            "8080,9090/udp",
            "-p",
            "5005");

    assertThat(run.exitCode()).as(run.err()).isZero();
    ComponentSettings s = LocalConfigFile.read(dir).settings;
    assertThat(s.type).isEqualTo("java");
    assertThat(s.name).isEqualTo("orders");
    assertThat(s.application).isEqualTo("shop");
    assertThat(s.ports).containsExactly("8080/TCP", "9090/UDP", "5005/TCP");
  }

  @Test
  void refusesToOverwriteAnExistingComponent() {
    assertThat(CliRun.of("create", "nodejs", "a", "--context", dir.toString()).exitCode()).isZero();

    CliRun again = CliRun.of("create", "nodejs", "b", "--context", dir.toString());

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).startsWith("deckhand: ").contains("already has a component");
    assertThat(again.err().lines()).hasSize(1);
  }

  @Test
  void undetectableFolderSaysWhatToDo() {
    CliRun run = CliRun.of("create", "--context", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot tell the component type").contains("nodejs");
    assertThat(dir.resolve(".odo")).doesNotExist();
  }

  @Test
  void badInputGetsOneClearLine() {
    CliRun unknownType = CliRun.of("create", "cobol", "--context", dir.toString());
    CliRun badPort = CliRun.of("create", "nodejs", "--port", "http", "--context", dir.toString());
    CliRun badName = CliRun.of("create", "nodejs", "Bad_Name", "--context", dir.toString());
    CliRun noFolder = CliRun.of("create", "nodejs", "--context", dir.resolve("nope").toString());

    assertThat(unknownType.exitCode()).isEqualTo(1);
    assertThat(unknownType.err()).contains("cobol");
    assertThat(badPort.err()).contains("--port: 'http' is not a port");
    assertThat(badName.err()).contains("'Bad_Name' is not a valid name");
    assertThat(noFolder.err()).contains("does not exist");
    assertThat(dir.resolve(".odo")).doesNotExist();
  }
}

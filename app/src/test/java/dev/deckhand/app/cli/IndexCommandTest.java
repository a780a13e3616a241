package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {
  @TempDir Path dir;

  private JsonNode indexJson(String... extra) throws Exception {
    String[] args = new String[3 + extra.length];
    args[0] = "index";
    args[1] = "--context";
    args[2] = dir.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void jsonReportsChangesAndUpdatesTheIndex() throws Exception {
    Files.writeString(dir.resolve("server.js"), "console.log(1)");
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/util.js"), "x");
    Files.writeString(dir.resolve(".env"), "TOKEN=secret");
    Files.createSymbolicLink(dir.resolve("home"), Path.of("/etc/hostname"));

    JsonNode first = indexJson("-o", "json");

    assertThat(first.get("added"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("lib", "lib/util.js", "server.js");
    assertThat(first.get("modified")).isEmpty();
    assertThat(first.get("deleted")).isEmpty();
    assertThat(first.get("problems")).extracting(JsonNode::asText).containsExactly("home");
    assertThat(first.get("files").asInt()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve(".odo/odo-file-index.json")))
        .startsWith("{\"kind\":\"FileIndex\",\"apiVersion\":\"v1\",\"Files\":{")
        .contains("\"lib/util.js\":{\"Size\":1,")
        .doesNotContain(".env");

    Files.delete(dir.resolve("lib/util.js"));
    Files.writeString(dir.resolve("server.js"), "console.log(22)");
    JsonNode second = indexJson("-o", "json");

    assertThat(second.get("added")).isEmpty();
    assertThat(second.get("modified")).extracting(JsonNode::asText).containsExactly("server.js");
    assertThat(second.get("deleted")).extracting(JsonNode::asText).containsExactly("lib/util.js");
  }

  @Test
  void dryRunLeavesNoIndex() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a");

    JsonNode result = indexJson("-o", "json", "--dry-run");

    assertThat(result.get("added")).extracting(JsonNode::asText).containsExactly("a.txt");
    assertThat(dir.resolve(".odo/odo-file-index.json")).doesNotExist();
  }

  @Test
  void textOutputSummarises() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a");

    CliRun run = CliRun.of("index", "--context", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("+ a.txt").contains("1 entries indexed; 1 added");
  }

  @Test
  void unknownOutputFormatIsAUsageError() {
    CliRun run = CliRun.of("index", "--context", dir.toString(), "-o", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("xml");
  }
}

package dev.deckhand.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.config.ComponentCreator.Request;
import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.push.SyncState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With real git: what Deckhand writes into .odo besides config.yaml is never proposed for commit.
 */
class GeneratedFilesStayOutOfGitTest {
  @TempDir Path repo;

  private final ComponentCreator creator =
      new ComponentCreator(
          ComponentCatalog.builtIn(), new ComponentNameGenerator(new Random(7)), () -> "team-ns");

  private List<String> git(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 3];
    command[0] = "git";
    command[1] = "-C";
    command[2] = repo.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return Arrays.stream(out.split("\n")).filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void afterCreateIndexAndSyncGitSeesOnlyTheSourcesTheConfigAndTheOdoGitignore() throws Exception {
    git("init", "-q");
    Files.writeString(repo.resolve("package.json"), "{}");
    Files.writeString(repo.resolve("server.js"), "x");

    creator.create(Request.in(repo));
    ComponentIndexer indexer = new ComponentIndexer(repo, IndexOptions.defaults());
    indexer.commit(indexer.scan());
    new SyncState("ns", "w", "pod", "uid", "cid", 0).write(repo);
    // What the folder lock, a sync not yet confirmed or an interrupted atomic write leave there.
    Files.writeString(repo.resolve(".odo/deckhand.lock"), "123");
    Files.writeString(repo.resolve(".odo/deckhand-unconfirmed.json"), "[]");
    Files.writeString(repo.resolve(".odo/.odo-file-index.json123.tmp"), "{");

    assertThat(git("status", "--porcelain", "--untracked-files=all"))
        .containsExactlyInAnyOrder(
            "?? .odo/.gitignore", "?? .odo/config.yaml", "?? package.json", "?? server.js");
    assertThat(repo.resolve(".gitignore")).doesNotExist();
  }

  @Test
  void aUsersOwnOdoGitignoreIsLeftAsItIs() throws Exception {
    Files.createDirectories(repo.resolve(".odo"));
    Files.writeString(repo.resolve(".odo/.gitignore"), "*\n");
    Files.writeString(repo.resolve("package.json"), "{}");

    creator.create(Request.in(repo));
    new ComponentIndexer(repo, IndexOptions.defaults())
        .commit(new ComponentIndexer(repo, IndexOptions.defaults()).scan());

    assertThat(Files.readString(repo.resolve(".odo/.gitignore"))).isEqualTo("*\n");
  }
}

package dev.deckhand.core.index;

import static dev.deckhand.core.index.Trees.dir;
import static dev.deckhand.core.index.Trees.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreRulesTest {
  @TempDir Path root;

  private IndexResult scan() throws IOException {
    return scan(IndexOptions.defaults());
  }

  private IndexResult scan(IndexOptions options) throws IOException {
    return new ComponentIndexer(root, options).scan();
  }

  private Set<String> indexed(IndexResult r) {
    return r.index().entries().keySet();
  }

  @Test
  void nestedGitignoreNegationWinsInTheDeeperDirectory() throws IOException {
    file(root, ".gitignore", "*.log\n");
    file(root, "app.log", "x");
    file(root, "sub/.gitignore", "!keep.log\n");
    file(root, "sub/keep.log", "x");
    file(root, "sub/drop.log", "x");
    file(root, "sub/deeper/keep.log", "x");
    IndexResult r = scan();
    assertThat(indexed(r))
        .contains("sub/keep.log", "sub/deeper/keep.log")
        .doesNotContain("app.log", "sub/drop.log");
  }

  @Test
  void anchoredPatternOnlyMatchesAtItsOwnLevel() throws IOException {
    file(root, ".gitignore", "/build\nsub/out\n");
    file(root, "build/a.class", "x");
    file(root, "sub/build/b.class", "x");
    file(root, "sub/out/c", "x");
    file(root, "other/sub/out/d", "x");
    IndexResult r = scan();
    assertThat(indexed(r))
        .contains("sub/build/b.class", "other/sub/out/d")
        .doesNotContain("build", "build/a.class", "sub/out", "sub/out/c");
  }

  @Test
  void trailingSlashPatternOnlyMatchesDirectories() throws IOException {
    file(root, ".gitignore", "cache/\n");
    file(root, "cache/blob", "x");
    file(root, "src/cache", "a file called cache");
    IndexResult r = scan();
    assertThat(indexed(r)).contains("src/cache").doesNotContain("cache", "cache/blob");
  }

  @Test
  void odoignoreAddsToGitignoreInsteadOfReplacingIt() throws IOException {
    file(root, ".gitignore", "*.tmp\n");
    file(root, ".odoignore", "docs/\n");
    file(root, "a.tmp", "x");
    file(root, "docs/readme", "x");
    file(root, "src/x.java", "x");
    file(root, "src/.odoignore", "generated/\n");
    file(root, "src/generated/g.java", "x");
    IndexResult r = scan();
    assertThat(indexed(r))
        .contains(".gitignore", ".odoignore", "src/x.java")
        .doesNotContain("a.tmp", "docs", "src/generated");
  }

  @Test
  void envIsExcludedAsASecretEvenWithAnOdoignoreThatDoesNotMentionIt() throws IOException {
    file(root, ".odoignore", "node_modules/\n");
    file(root, ".env", "TOKEN=1");
    file(root, "sub/.env.production", "TOKEN=2");
    file(root, "index.js", "x");
    IndexResult r = scan();
    assertThat(indexed(r)).contains("index.js").doesNotContain(".env", "sub/.env.production");
    assertThat(r.exclusions())
        .contains(
            new Exclusion(
                ".env",
                Exclusion.Reason.SECRET,
                "looks like a secret; allow it explicitly to sync it"))
        .anyMatch(
            e -> e.path().equals("sub/.env.production") && e.reason() == Exclusion.Reason.SECRET);
  }

  @Test
  void denyListCoversKeysCloudCredentialsAndState() throws IOException {
    List<String> secrets =
        List.of(
            "tls.key",
            "cert.pem",
            "id_rsa",
            "id_ed25519.pub",
            "store.p12",
            "app.jks",
            ".aws/credentials",
            ".kube/config",
            "home/.ssh/known_hosts",
            ".npmrc",
            "deploy/.docker/config.json",
            "terraform.tfstate",
            "terraform.tfstate.backup");
    for (String s : secrets) {
      file(root, s, "secret");
    }
    file(root, "docker/config.json", "not a secret");
    file(root, "keys.txt", "not a secret");
    IndexResult r = scan();
    assertThat(indexed(r))
        .contains("docker/config.json", "keys.txt", "home", "deploy", "deploy/.docker")
        .doesNotContain(secrets.toArray(String[]::new))
        .doesNotContain(".aws", ".kube", "home/.ssh");
    assertThat(r.exclusions())
        .filteredOn(e -> e.reason() == Exclusion.Reason.SECRET)
        .extracting(Exclusion::path)
        .contains(".aws", ".kube", "home/.ssh", "tls.key", "deploy/.docker/config.json");
  }

  @Test
  void gitignoreNegationCannotLiftTheDenyListButAllowSecretsCan() throws IOException {
    file(root, ".gitignore", "!.env\n");
    file(root, ".env", "TOKEN=1");
    file(root, "dev.pem", "x");
    assertThat(indexed(scan())).doesNotContain(".env", "dev.pem");
    IndexResult allowed = scan(IndexOptions.allowSecrets(List.of(".env")));
    assertThat(indexed(allowed)).contains(".env").doesNotContain("dev.pem");
  }

  @Test
  void theFoldersAllowFileLetsItsPatternsThroughTheDenyList() throws IOException {
    file(
        root,
        IgnoreRules.ALLOW_SECRETS_FILE,
        "# the dev stack's throwaway settings\nconfig/dev.env\n");
    file(root, "config/dev.env", "DB=local");
    file(root, ".env", "TOKEN=1");
    IndexResult r = scan();
    assertThat(indexed(r)).contains("config/dev.env").doesNotContain(".env");
    assertThat(r.exclusions())
        .anyMatch(e -> e.path().equals(".env") && e.reason() == Exclusion.Reason.SECRET);
  }

  @Test
  void anAllowFileThatIsASymlinkIsNotRead() throws IOException {
    Path outside = Files.createTempDirectory("allow-outside");
    Files.writeString(outside.resolve("allow"), ".env\n");
    Files.createSymbolicLink(
        root.resolve(IgnoreRules.ALLOW_SECRETS_FILE), outside.resolve("allow"));
    file(root, ".env", "TOKEN=1");
    assertThat(indexed(scan())).doesNotContain(".env");
  }

  @Test
  void gitignoreStillWinsOverAnAllowedSecret() throws IOException {
    file(root, ".gitignore", ".env\n");
    file(root, ".env", "TOKEN=1");
    IndexResult r = scan(IndexOptions.allowSecrets(List.of(".env")));
    assertThat(indexed(r)).doesNotContain(".env");
    assertThat(r.exclusions()).anyMatch(e -> e.reason() == Exclusion.Reason.IGNORED);
  }

  @Test
  void gitInfoExcludeAppliesAtTheRootWithLowerPrecedenceThanGitignore() throws IOException {
    file(root, ".git/info/exclude", "*.bak\nlocal/\n");
    file(root, "a.bak", "x");
    file(root, "local/x", "x");
    file(root, "sub/.gitignore", "!b.bak\n");
    file(root, "sub/b.bak", "x");
    assertThat(indexed(scan())).contains("sub/b.bak").doesNotContain("a.bak", "local");
  }

  @Test
  void extraIgnoresFromTheCallerApply() throws IOException {
    file(root, "a.txt", "x");
    file(root, "dist/bundle.js", "x");
    IndexResult r = scan(IndexOptions.defaults().withExtraIgnores(List.of("dist/")));
    assertThat(indexed(r)).containsExactly("a.txt");
  }

  @Test
  void ignoredDirectoryIsNeverDescendedInto() throws IOException {
    file(root, ".gitignore", "node_modules/\n");
    file(root, "node_modules/pkg/index.js", "x");
    // Anything inside would be reported if the scanner looked.
    Files.createSymbolicLink(root.resolve("node_modules/escape"), Path.of("/etc/passwd"));
    IndexResult r = scan();
    assertThat(r.problems()).isEmpty();
    assertThat(r.exclusions()).extracting(Exclusion::path).containsExactly("node_modules");
  }

  @Test
  void ignoredUnreadableDirectoryIsNotAProblemButAnUnignoredOneIs() throws IOException {
    Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "root reads directories regardless of mode");
    file(root, ".gitignore", "secretdir/\n");
    Path ignored = dir(root, "secretdir");
    Path unreadable = dir(root, "locked");
    Files.setPosixFilePermissions(ignored, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
    try {
      IndexResult r = scan();
      assertThat(r.problems()).extracting(ScanProblem::path).containsExactly("locked");
      assertThat(indexed(r)).contains("locked");
    } finally {
      Files.setPosixFilePermissions(ignored, PosixFilePermissions.fromString("rwx------"));
      Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void invalidPatternIsAWarningWithFileAndLineAndNeverALoggedStackTrace() throws IOException {
    file(root, ".gitignore", "*.log\n[\n!keep.log\n");
    file(root, "sub/.odoignore", "# comment\n\nbuild/\n[abc\n");
    file(root, ".git/info/exclude", "\u0001[\n");
    file(root, "app.log", "x");
    file(root, "keep.log", "x");
    file(root, "sub/build/out.js", "x");
    file(root, "sub/main.js", "x");
    List<ch.qos.logback.classic.spi.ILoggingEvent> logged;
    IndexResult r;
    try (LogCapture log = new LogCapture()) {
      r = scan();
      logged = log.events();
    }
    assertThat(r.warnings())
        .containsExactly(
            ".git/info/exclude line 1: \"\\x01[\" is not a valid pattern and matches nothing",
            ".gitignore line 2: \"[\" is not a valid pattern and matches nothing",
            "sub/.odoignore line 4: \"[abc\" is not a valid pattern and matches nothing");
    assertThat(logged).isEmpty();
    // The lines around the bad one still apply.
    assertThat(indexed(r))
        .contains("keep.log", "sub/main.js")
        .doesNotContain("app.log", "sub/build");
  }

  @Test
  void aWarningIsGivenOnceEvenWhenTheFileIsReadAgainForADeletion() throws IOException {
    file(root, ".gitignore", "[\n");
    file(root, "sub/gone.txt", "x");
    ComponentIndexer indexer = new ComponentIndexer(root, IndexOptions.defaults());
    indexer.commit(indexer.scan());
    Files.delete(root.resolve("sub/gone.txt"));
    IndexResult r = indexer.scan();
    assertThat(r.changes().deleted()).containsExactly("sub/gone.txt");
    assertThat(r.warnings())
        .containsExactly(".gitignore line 1: \"[\" is not a valid pattern and matches nothing");
  }
}

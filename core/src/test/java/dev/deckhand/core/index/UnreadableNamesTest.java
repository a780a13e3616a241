package dev.deckhand.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A name Java cannot decode could be neither sent nor deleted by name: a problem, not an entry. */
class UnreadableNamesTest {
  @TempDir Path root;

  /** Creates names byte by byte with the shell's printf; Java cannot spell them. */
  private void sh(String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", script).directory(root.toFile()).start();
    assertThat(p.waitFor()).as(new String(p.getErrorStream().readAllBytes())).isZero();
  }

  @Test
  void aNameThatIsNotUtf8IsAProblemAndStaysOutOfTheIndex() throws Exception {
    assumeThat(System.getProperty("sun.jnu.encoding")).isEqualToIgnoringCase("UTF-8");
    sh(
        "printf x > \"$(printf 'bad\\377name.txt')\"; mkdir \"$(printf 'dir\\300')\"; "
            + "echo y > \"$(printf 'dir\\300')/inside.txt\"; echo ok > good.txt; "
            + "ln -s \"$(printf 'good\\377')\" link");
    Files.writeString(root.resolve("real-\uFFFD.txt"), "a valid name with U+FFFD in it");

    IndexResult r = new ComponentIndexer(root, IndexOptions.defaults()).scan();

    assertThat(r.index().entries().keySet()).containsExactly("good.txt", "real-\uFFFD.txt");
    assertThat(r.problems())
        .extracting(ScanProblem::path, ScanProblem::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "bad\uFFFDname.txt",
                "not synced: the name is not valid UTF-8 (shown with \uFFFD); rename it"),
            org.assertj.core.groups.Tuple.tuple(
                "dir\uFFFD",
                "not synced: the name is not valid UTF-8 (shown with \uFFFD); rename it"),
            org.assertj.core.groups.Tuple.tuple(
                "link",
                "not synced: the link target is not valid UTF-8 (shown with \uFFFD); rename it"));
  }

  @Test
  void nonAsciiNamesThatAreUtf8AreOrdinaryEntries() throws Exception {
    assumeThat(System.getProperty("sun.jnu.encoding")).isEqualToIgnoringCase("UTF-8");
    Files.writeString(root.resolve("café.txt"), "x");
    Files.writeString(root.resolve("new\nline"), "x");
    Files.writeString(root.resolve("😀"), "x");

    IndexResult r = new ComponentIndexer(root, IndexOptions.defaults()).scan();

    assertThat(r.problems()).isEmpty();
    assertThat(r.index().entries().keySet())
        .containsExactlyInAnyOrder("café.txt", "new\nline", "😀");
  }
}

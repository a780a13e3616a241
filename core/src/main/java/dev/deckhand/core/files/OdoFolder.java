package dev.deckhand.core.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component folder's {@code .odo} directory, made ready for Deckhand to write into. Besides the
 * component's settings ({@code config.yaml}, which people commit) Deckhand keeps its own records
 * there; a {@code .odo/.gitignore} keeps those out of git, as odo kept its index out by appending
 * to the project's {@code .gitignore} — without touching a file the user owns.
 */
public final class OdoFolder {
  public static final String NAME = ".odo";
  static final String GITIGNORE = ".gitignore";
  private static final String MARKER = "# Written by Deckhand";

  /** What {@code .odo/.gitignore} says; a file starting with the marker is ours to update. */
  static final String GITIGNORE_TEXT =
      MARKER
          + ": its own records stay out of git. config.yaml is the component's settings:"
          + " commit it.\n"
          + "/odo-file-index.json\n"
          + "/deckhand-sync.json\n"
          + "/deckhand-unconfirmed.json\n"
          + "/*.lock\n"
          + "/.*.tmp\n";

  private static final Logger LOG = LoggerFactory.getLogger(OdoFolder.class);

  private OdoFolder() {}

  /**
   * Creates {@code <root>/.odo} (0750, as odo) if needed and writes its {@code .gitignore} unless
   * the user has one of their own. The {@code .gitignore} is a courtesy: failing to write it fails
   * nothing.
   */
  public static Path prepare(Path root) throws IOException {
    Path dir = root.resolve(NAME);
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      FilePermissions.restrictDirectory(dir);
    }
    try {
      writeGitignore(dir.resolve(GITIGNORE));
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot write {}", dir.resolve(GITIGNORE), e);
    }
    return dir;
  }

  private static void writeGitignore(Path file) throws IOException {
    byte[] wanted = GITIGNORE_TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] present;
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        return; // a link or a directory there is the user's doing
      }
      present = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      present = null;
    }
    if (present != null
        && (Arrays.equals(present, wanted)
            || !new String(present, StandardCharsets.UTF_8).startsWith(MARKER))) {
      return;
    }
    AtomicFiles.write(file, wanted, false);
  }
}

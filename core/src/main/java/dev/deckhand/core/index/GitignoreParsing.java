package dev.deckhand.core.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/** Turns gitignore text into JGit rules; JGit does the matching so we get git's semantics. */
final class GitignoreParsing {
  private GitignoreParsing() {}

  static IgnoreNode node(List<String> lines) {
    return new IgnoreNode(rules(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
  }

  static List<FastIgnoreRule> rules(byte[] text) {
    IgnoreNode node = new IgnoreNode();
    try (InputStream in = new ByteArrayInputStream(text)) {
      node.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return node.getRules();
  }

  /** The rules of one file, or none if it does not exist. */
  static List<FastIgnoreRule> rulesOf(Path file) throws IOException {
    try {
      return rules(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  static List<FastIgnoreRule> concat(List<FastIgnoreRule> a, List<FastIgnoreRule> b) {
    List<FastIgnoreRule> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}

package dev.deckhand.core.index;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.InvalidPatternException;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.ignore.internal.PathMatcher;
import org.eclipse.jgit.ignore.internal.Strings;

/**
 * Turns gitignore text into JGit rules; JGit does the matching so we get git's semantics.
 *
 * <p>Lines are split here rather than by {@link IgnoreNode#parse}, which drops an invalid pattern
 * with a stack trace on the log: we drop it too (git's pattern matches nothing either) but say
 * which file and line, so the user learns why the pattern has no effect. The watcher parses with
 * the same method so both agree on what an ignore file means.
 */
public final class GitignoreParsing {
  private static final int SHOWN_PATTERN_CHARS = 80;

  private GitignoreParsing() {}

  static IgnoreNode node(List<String> lines, String source, Consumer<String> warnings) {
    return new IgnoreNode(
        rules(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), source, warnings));
  }

  /**
   * The rules of gitignore text, line by line as JGit reads it (UTF-8; empty lines, {@code #}
   * comments and a lone {@code /} are no rules).
   *
   * @param source how the warnings name the text: a root-relative file name
   * @param warnings gets one line per pattern that cannot be used, naming source and line
   */
  public static List<FastIgnoreRule> rules(byte[] text, String source, Consumer<String> warnings) {
    List<FastIgnoreRule> rules = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isEmpty() || line.startsWith("#") || line.equals("/")) {
          continue;
        }
        if (!isValid(line)) {
          warnings.accept(
              source
                  + " line "
                  + number
                  + ": \""
                  + shown(line)
                  + "\" is not a valid pattern and matches nothing");
          continue;
        }
        FastIgnoreRule rule = new FastIgnoreRule(line);
        if (!rule.isEmpty()) {
          rules.add(rule);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a byte array
    }
    return rules;
  }

  /** The rules of one file, or none if it does not exist. */
  static List<FastIgnoreRule> rulesOf(Path file, String source, Consumer<String> warnings)
      throws IOException {
    try {
      return rules(Files.readAllBytes(file), source, warnings);
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

  /**
   * Whether JGit can compile the line: the same steps as {@link FastIgnoreRule}'s constructor up to
   * the matcher, which is where an invalid pattern fails (and the constructor would log it).
   */
  private static boolean isValid(String line) {
    String pattern = line.charAt(0) == '!' ? line.substring(1) : line;
    if (pattern.isEmpty() || pattern.charAt(0) == '#') {
      return true;
    }
    if (pattern.length() > 1
        && pattern.charAt(0) == '\\'
        && (pattern.charAt(1) == '!' || pattern.charAt(1) == '#')) {
      pattern = pattern.substring(1);
    }
    boolean dirOnly = Strings.isDirectoryPattern(pattern);
    if (dirOnly) {
      pattern =
          Strings.stripTrailing(
              Strings.stripTrailingWhitespace(pattern), FastIgnoreRule.PATH_SEPARATOR);
      if (pattern.isEmpty()) {
        return true;
      }
    }
    try {
      PathMatcher.createPathMatcher(pattern, FastIgnoreRule.PATH_SEPARATOR, dirOnly);
      return true;
    } catch (InvalidPatternException e) {
      return false;
    }
  }

  /** The pattern as a warning can show it: one line, bounded, control characters escaped. */
  private static String shown(String pattern) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (; i < pattern.length() && i < SHOWN_PATTERN_CHARS; i++) {
      char c = pattern.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return i < pattern.length() ? sb + "…" : sb.toString();
  }
}

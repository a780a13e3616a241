package dev.deckhand.core.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a pasted {@code oc login} command, as the OpenShift console's "Copy login command" page
 * shows it: {@code oc login --token=sha256~abc --server=https://api.x:6443}, or {@code oc login
 * https://api.x:6443 --token abc}, with any whitespace, line breaks or quotes around values.
 */
public final class LoginCommandParser {
  private LoginCommandParser() {}

  /**
   * @throws IllegalArgumentException when no server or no token is found; the message never
   *     contains the token
   */
  public static LoginRequest parse(String pasted) {
    List<String> words = words(pasted);
    String server = null;
    String token = null;
    boolean insecure = false;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      String inline = word.contains("=") ? word.substring(word.indexOf('=') + 1) : null;
      switch (option) {
        case "--token", "-t" -> {
          token = inline != null ? inline : valueAfter(words, ++i, "--token");
        }
        case "--server", "-s" -> {
          server = inline != null ? inline : valueAfter(words, ++i, "--server");
        }
        case "--insecure-skip-tls-verify" -> {
          insecure = inline == null || Boolean.parseBoolean(inline.toLowerCase(Locale.ROOT));
        }
        default -> {
          if (!word.startsWith("-") && looksLikeServer(word) && server == null) {
            server = word;
          }
        }
      }
    }
    if (server == null) {
      throw new IllegalArgumentException("no server in the login command (--server URL)");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("no token in the login command (--token TOKEN)");
    }
    return new LoginRequest(ServerUrls.normalize(server), token, insecure);
  }

  private static String valueAfter(List<String> words, int i, String option) {
    if (i >= words.size()) {
      throw new IllegalArgumentException(option + " has no value in the login command");
    }
    return words.get(i);
  }

  /** A positional word is the server when it is a URL or a host:port, not "oc" or "login". */
  private static boolean looksLikeServer(String word) {
    return word.contains("://") || word.matches("[\\w.-]+:\\d+");
  }

  /** Whitespace-separated words with surrounding quotes (and a shell prompt "$") dropped. */
  private static List<String> words(String pasted) {
    List<String> words = new ArrayList<>();
    for (String raw : pasted.strip().split("\\s+")) {
      String w = raw.replace("\\", ""); // a line continuation pasted from a terminal
      if (w.isEmpty() || w.equals("$")) {
        continue;
      }
      words.add(unquote(w));
    }
    return words;
  }

  private static String unquote(String w) {
    int eq = w.indexOf('=');
    if (eq > 0 && w.startsWith("--")) {
      return w.substring(0, eq + 1) + unquote(w.substring(eq + 1));
    }
    if (w.length() >= 2
        && (w.startsWith("\"") && w.endsWith("\"") || w.startsWith("'") && w.endsWith("'"))) {
      return w.substring(1, w.length() - 1);
    }
    return w;
  }
}

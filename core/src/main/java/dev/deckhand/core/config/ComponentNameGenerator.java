package dev.deckhand.core.config;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * odo's default component name, {@code <type>-<folder prefix, max 12>-<4 random chars>}, normalised
 * to a DNS-1123 label (odo's {@code GetDefaultComponentName}).
 */
public final class ComponentNameGenerator {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";
  private static final int PREFIX_MAX = 12;
  private static final int SUFFIX_LENGTH = 4;

  private final RandomGenerator random;

  public ComponentNameGenerator() {
    this(new SecureRandom());
  }

  public ComponentNameGenerator(RandomGenerator random) {
    this.random = random;
  }

  /**
   * @param type component type name as the user gave it ({@code nodejs}, {@code openshift/java:8})
   * @param folderName the source folder's name
   */
  public String generate(String type, String folderName) {
    String typeName = dns(imageName(type));
    String prefix = dns(folderName);
    if (prefix.length() > PREFIX_MAX) {
      prefix = trimDashes(prefix.substring(0, PREFIX_MAX));
    }
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    StringBuilder name = new StringBuilder(typeName);
    if (!prefix.isEmpty()) {
      name.append('-').append(prefix);
    }
    name.append('-').append(suffix);
    String result = trimDashes(name.toString());
    // 63 is the DNS label limit; the manifests cut "<name>-<app>" further to 54.
    return result.length() > 63 ? trimDashes(result.substring(result.length() - 63)) : result;
  }

  /** {@code openshift/java:8} → {@code java}. */
  static String imageName(String type) {
    String name = type;
    int slash = name.lastIndexOf('/');
    if (slash >= 0) {
      name = name.substring(slash + 1);
    }
    int colon = name.indexOf(':');
    return colon >= 0 ? name.substring(0, colon) : name;
  }

  /** Lower-case, anything outside {@code [a-z0-9-]} becomes '-', runs collapsed, ends trimmed. */
  static String dns(String s) {
    String lower = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-");
    return trimDashes(lower);
  }

  private static String trimDashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}

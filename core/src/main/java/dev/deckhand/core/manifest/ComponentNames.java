package dev.deckhand.core.manifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The names odo 1.x gives a component's objects (reference §1.1, §4.2, §4.3).
 *
 * @param component the component name from the config, e.g. {@code nodejs-ex}
 * @param application the application, e.g. {@code app}
 */
public record ComponentNames(String component, String application) {
  /** odo's {@code maxAllowedNamespacedStringLength}: 63 - len("-s2idata") - 1. */
  public static final int MAX_NAME_LENGTH = 54;

  /** Volume names are DNS-1123 labels. */
  private static final int MAX_LABEL_LENGTH = 63;

  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /**
   * Checks the inputs and the resulting object name.
   *
   * @throws ManifestException when the component or application name is not usable
   */
  public ComponentNames {
    requireLabel("component name", component);
    requireLabel("application name", application);
    String name = namespaced(component, application);
    if (!DNS_1123_LABEL.matcher(name).matches()) {
      throw new ManifestException(
          "component '"
              + component
              + "' in application '"
              + application
              + "' gives the object name '"
              + name
              + "' (cut to "
              + MAX_NAME_LENGTH
              + " characters), which is not a valid name; choose a shorter component or"
              + " application name");
    }
  }

  /** {@code <component>-<app>}, {@code /} replaced by {@code -}, cut to 54 characters. */
  public String name() {
    return namespaced(component, application);
  }

  /** odo's {@code NamespaceOpenShiftObject}. */
  static String namespaced(String component, String application) {
    String n = (component + "-" + application).replace('/', '-');
    return n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH) : n;
  }

  /** The PVC (and its volume) holding {@code /opt/app-root}: {@code <name>-s2idata}. */
  public String s2iDataPvc() {
    return name() + "-s2idata";
  }

  /** The Secret for a service port: {@code <name>-<port>}. */
  public String secret(int port) {
    return name() + "-" + port;
  }

  /** The Route or Ingress of a URL: {@code <urlName>-<app>}. */
  public String route(String urlName) {
    return urlName + "-" + application;
  }

  /** The PVC of a user storage: {@code <storage>-<app>-pvc}. */
  public String storagePvc(String storageName) {
    return storageName + "-" + application + "-pvc";
  }

  /**
   * The volume of a user storage PVC: {@code <pvc>-<5 chars>-volume}. odo picks the 5 characters at
   * random; Deckhand derives them from the PVC name so that manifests are stable.
   *
   * @throws ManifestException when the result is longer than a volume name may be
   */
  public String storageVolume(String storageName) {
    String pvc = storagePvc(storageName);
    String volume = pvc + "-" + suffix(pvc) + "-volume";
    if (volume.length() > MAX_LABEL_LENGTH) {
      throw new ManifestException(
          "storage '"
              + storageName
              + "' gives the volume name '"
              + volume
              + "', longer than "
              + MAX_LABEL_LENGTH
              + " characters; choose a shorter storage or application name");
    }
    return volume;
  }

  /** Five lower-case letters from a SHA-256 of the text. */
  static String suffix(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(5);
      for (int i = 0; i < 5; i++) {
        sb.append((char) ('a' + Math.floorMod(hash[i], 26)));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static void requireLabel(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new ManifestException("the " + what + " is missing");
    }
    if (value.length() > MAX_LABEL_LENGTH || !DNS_1123_LABEL.matcher(value).matches()) {
      throw new ManifestException(
          "the "
              + what
              + " '"
              + value
              + "' is not valid: use lower-case letters, digits and '-', at most "
              + MAX_LABEL_LENGTH
              + " characters, starting and ending with a letter or digit");
    }
  }
}

package dev.deckhand.core.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which kubeconfig files apply, by kubectl's rules. */
public final class KubeconfigFiles {
  public static final String KUBECONFIG = "KUBECONFIG";

  private KubeconfigFiles() {}

  /**
   * {@code $KUBECONFIG} split on the OS path separator with empty entries and repeats skipped (as
   * kubectl does), else {@code ~/.kube/config}. Files need not exist: a missing one is skipped when
   * reading and is where a login writes.
   */
  public static List<Path> resolve(Map<String, String> env, Path home) {
    String value = env.get(KUBECONFIG);
    if (value != null) {
      Set<Path> files = new LinkedHashSet<>();
      for (String entry : value.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          files.add(Path.of(entry.strip()));
        }
      }
      if (!files.isEmpty()) {
        return List.copyOf(files);
      }
    }
    return List.of(defaultFile(home));
  }

  /** Whether {@code KUBECONFIG} names the files (rather than the default file applying). */
  static boolean named(Map<String, String> env) {
    String value = env.get(KUBECONFIG);
    return value != null && !value.replace(File.pathSeparator, "").isBlank();
  }

  static boolean namedForProcess() {
    String property = System.getProperty("kubeconfig");
    return (property != null && !property.isBlank()) || named(System.getenv());
  }

  /** The file a login writes to: kubectl writes new entries to the first file. */
  public static Path loginTarget(Map<String, String> env, Path home) {
    return resolve(env, home).get(0);
  }

  public static Path defaultFile(Path home) {
    return home.resolve(".kube").resolve("config");
  }

  /** The process's own list, for callers outside tests. */
  public static List<Path> resolveForProcess() {
    // fabric8's own convention: -Dkubeconfig=FILE[:FILE] wins over $KUBECONFIG.
    String property = System.getProperty("kubeconfig");
    if (property != null && !property.isBlank()) {
      java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
      env.put("KUBECONFIG", property);
      return new ArrayList<>(resolve(env, Path.of(System.getProperty("user.home"))));
    }
    return new ArrayList<>(resolve(System.getenv(), Path.of(System.getProperty("user.home"))));
  }
}

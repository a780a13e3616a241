package dev.deckhand.core.push;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a component's sources live in the container, from the {@code ODO_S2I_*} environment of its
 * pod: {@code <SRC_BIN_PATH>/src} receives pushes, and a deleted file is removed from every source
 * copy odo's scripts make (reference §3 step 5), so it cannot come back.
 */
record S2iPaths(String target, List<String> sourceCopies) {
  static S2iPaths from(Map<String, String> env) {
    String srcBin = nonEmpty(env.get("ODO_S2I_SRC_BIN_PATH"), "/tmp");
    Set<String> dirs = new LinkedHashSet<>();
    for (String key :
        List.of(
            "ODO_S2I_DEPLOYMENT_DIR",
            "ODO_S2I_SRC_BIN_PATH",
            "ODO_S2I_WORKING_DIR",
            "ODO_SRC_BACKUP_DIR")) {
      String v = env.get(key);
      if (v != null && !v.isBlank()) {
        dirs.add(withSrc(v));
      }
    }
    dirs.add(withSrc(srcBin));
    return new S2iPaths(withSrc(srcBin), new ArrayList<>(dirs));
  }

  private static String withSrc(String dir) {
    String d = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    return d.endsWith("/src") || d.equals("src") ? d : d + "/src";
  }

  private static String nonEmpty(String v, String fallback) {
    return v == null || v.isBlank() ? fallback : v;
  }
}

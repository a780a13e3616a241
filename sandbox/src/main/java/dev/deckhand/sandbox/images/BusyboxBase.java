package dev.deckhand.sandbox.images;

import java.io.IOException;
import java.nio.file.Path;

/** The part both images share: a static busybox with its applets linked in /bin. */
final class BusyboxBase {
  private BusyboxBase() {}

  static void stage(Rootfs fs, Path busybox) throws IOException {
    fs.dir("/bin", "rwxr-xr-x").dir("/usr/bin", "rwxr-xr-x").dir("/usr/local/bin", "rwxr-xr-x");
    fs.dir("/etc", "rwxr-xr-x").dir("/root", "rwx------").stickyDir("/var/tmp");
    fs.stickyDir("/tmp");
    fs.copy(busybox, "/bin/busybox");
    for (String applet : HostTools.busyboxApplets(busybox)) {
      fs.symlink("/bin/" + applet, "busybox");
    }
    // Shebangs and Kubernetes commands name these paths, not /bin.
    fs.symlink("/usr/bin/env", "../../bin/busybox");
    fs.symlink("/usr/bin/cp", "../../bin/busybox");
    fs.file(
        "/etc/passwd",
        "root:x:0:0:root:/root:/bin/sh\n"
            + "default:x:1001:0:Default Application User:/opt/app-root/src:/bin/sh\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n",
        "rw-r--r--");
    fs.file("/etc/group", "root:x:0:\nnobody:x:65534:\n", "rw-r--r--");
  }
}

package dev.deckhand.sandbox.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node.js s2i builder image made from the host's node: busybox for the shell tools odo's init
 * container script needs (sh, tar, mv ...), node with the shared libraries ldd lists (same paths,
 * loader included), npm, and s2i assemble/run scripts. It stands in for ubi8/nodejs-16.
 */
final class NodejsBuilderRecipe implements ImageRecipe {

  private static final String LAYOUT_VERSION = "nodejs-builder/2";
  static final List<String> S2I_SCRIPTS = List.of("assemble", "run");

  private final ImageRef image;
  private final Path busybox;
  private final Path node;

  NodejsBuilderRecipe(ImageRef image, Path busybox, Path node) {
    this.image = image;
    this.busybox = busybox;
    this.node = node;
  }

  @Override
  public ImageRef image() {
    return image;
  }

  @Override
  public String contentHash() {
    // The node version stands for the binary (hashing 100 MB each start would cost ~0.3 s).
    ContentHash hash =
        new ContentHash()
            .add("layout", LAYOUT_VERSION)
            .add("node", HostTools.nodeVersion(node))
            .add("npm", HostTools.npmPackageDir().map(NodejsBuilderRecipe::npmVersion).orElse(""))
            .add("bash", HostTools.onPath("bash").map(HostTools::bashVersion).orElse(""))
            .add(
                "tar",
                HostTools.onPath("tar")
                    .map(t -> HostTools.run(t.toString(), "--version"))
                    .orElse(""))
            .addFile("busybox", busybox);
    for (String name : S2I_SCRIPTS) {
      hash.add(name, Resources.bytes("nodejs-builder/s2i/" + name));
    }
    return hash.hex();
  }

  @Override
  public void stage(Rootfs fs) throws IOException {
    BusyboxBase.stage(fs, busybox);
    Path realNode = node.toRealPath();
    if (realNode.equals(Path.of("/usr/bin/node"))) {
      fs.includeFromHost(realNode);
    } else {
      fs.copy(realNode, "/usr/bin/node");
    }
    for (Path lib : HostTools.sharedLibraries(node)) {
      fs.copy(lib.toRealPath(), lib.toString());
    }
    // odo's copy-files-to-volume script is bash (`[[ =~ ]]`), as /bin/sh is on ubi8 images;
    // busybox ash cannot even parse it, so the host's bash becomes /bin/sh here.
    Optional<Path> bash = HostTools.onPath("bash");
    if (bash.isPresent()) {
      fs.copy(bash.get().toRealPath(), "/bin/bash");
      fs.symlink("/bin/sh", "bash");
      for (Path lib : HostTools.sharedLibraries(bash.get())) {
        fs.copy(lib.toRealPath(), lib.toString());
      }
    }
    // GNU tar, as on ubi8 images: reading a pipe it stops at the end-of-archive marker once the
    // last 10240-byte record is complete, so a push ends without a stdin close (which a v4 exec
    // cannot send). busybox tar reads to EOF.
    Optional<Path> tar = HostTools.onPath("tar");
    if (tar.isPresent()) {
      Path realTar = tar.get().toRealPath();
      Files.deleteIfExists(fs.resolve("/bin/tar"));
      fs.copy(realTar, "/bin/tar");
      for (Path lib : HostTools.sharedLibraries(realTar)) {
        fs.copy(lib.toRealPath(), lib.toString());
      }
    }
    Path npmDir = HostTools.npmPackageDir().orElse(null);
    if (npmDir != null) {
      // Debian's npm uses modules beside it in /usr/share/nodejs; NodeSource's bundles its own.
      Path tree =
          npmDir.getParent().equals(Path.of("/usr/share/nodejs")) ? npmDir.getParent() : npmDir;
      if (tree.toRealPath().equals(tree)) {
        fs.includeFromHost(tree);
      } else {
        fs.copyTree(tree, tree.toString());
      }
      fs.symlink("/usr/bin/npm", relativeFromUsrBin(npmDir.resolve("bin/npm-cli.js")));
      if (Files.exists(npmDir.resolve("bin/npx-cli.js"))) {
        fs.symlink("/usr/bin/npx", relativeFromUsrBin(npmDir.resolve("bin/npx-cli.js")));
      }
    }
    for (String name : S2I_SCRIPTS) {
      fs.file(
          "/usr/libexec/s2i/" + name, Resources.open("nodejs-builder/s2i/" + name), "rwxr-xr-x");
    }
    fs.dir("/opt/app-root", "rwxrwxr-x").dir("/opt/app-root/src", "rwxrwxr-x");
    fs.dir("/opt/app-root/bin", "rwxrwxr-x").dir("/opt/app-root/etc", "rwxrwxr-x");
  }

  private static String relativeFromUsrBin(Path target) {
    return Path.of("/usr/bin").relativize(target).toString();
  }

  @Override
  public List<String> changes() {
    return List.of(
        "ENV HOME=/opt/app-root/src",
        "ENV PATH=/opt/app-root/src/node_modules/.bin:/opt/app-root/bin:/usr/local/bin:/usr/bin:/bin",
        "ENV NODE_VERSION=" + HostTools.nodeVersion(node).replaceFirst("^v", ""),
        // No registry is reachable: npm must not try to check for updates or ask for funding.
        "ENV NPM_CONFIG_UPDATE_NOTIFIER=false",
        "ENV NPM_CONFIG_FUND=false",
        "ENV NPM_CONFIG_AUDIT=false",
        "ENV STI_SCRIPTS_PATH=/usr/libexec/s2i",
        "WORKDIR /opt/app-root/src",
        "EXPOSE 8080",
        "CMD [\"/usr/libexec/s2i/run\"]",
        "LABEL name=ubi8/nodejs-16",
        "LABEL io.openshift.s2i.scripts-url=image:///usr/libexec/s2i",
        "LABEL io.openshift.s2i.destination=/tmp",
        "LABEL io.openshift.expose-services=8080:http",
        "LABEL io.k8s.display-name=Deckhand-offline-Node.js-builder");
  }

  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

  static String npmVersion(Path npmDir) {
    try {
      Matcher m = VERSION.matcher(Files.readString(npmDir.resolve("package.json")));
      return m.find() ? m.group(1) : "";
    } catch (IOException e) {
      return "";
    }
  }
}

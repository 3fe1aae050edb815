package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./paw} launcher runs the newest installed JDK (found by its {@code release} file) with
 * that JDK's best start-up cache: the AOT cache from JDK 25, else a class-data archive; {@code
 * PAW_JAVA} overrides the choice. The launcher prints its choice with {@code PAW_PRINT_JAVA=1}
 * before it builds or runs anything, so these tests run it against fake JDK folders.
 */
class LauncherJavaTest {

  @TempDir Path jvms;

  private static Path launcher() {
    return Path.of(System.getProperty("paw.repositoryRoot", ".."))
        .toAbsolutePath()
        .normalize()
        .resolve("paw");
  }

  /** A fake JDK home: a release file and, when {@code runnable}, an executable bin/java. */
  private Path jdk(String name, String version, boolean runnable) throws IOException {
    Path home = Files.createDirectories(jvms.resolve(name).resolve("bin"));
    Files.writeString(
        jvms.resolve(name).resolve("release"),
        "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n",
        StandardCharsets.UTF_8);
    Path java = home.resolve("java");
    Files.writeString(java, "#!/bin/sh\nexit 0\n");
    if (runnable) {
      Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return java.toRealPath();
  }

  /** A PATH with the tools the launcher uses before it runs Java, and no java. */
  private Path toolsWithoutJava() throws IOException {
    Path tools = Files.createDirectories(jvms.resolveSibling(jvms.getFileName() + "-tools"));
    for (String tool : new String[] {"sed", "head", "dirname", "readlink", "cksum", "cut"}) {
      Path link = tools.resolve(tool);
      if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      for (String dir : new String[] {"/usr/bin", "/bin"}) {
        if (Files.isExecutable(Path.of(dir, tool))) {
          Files.createSymbolicLink(link, Path.of(dir, tool));
          break;
        }
      }
    }
    return tools;
  }

  private String choice(Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", launcher().toString());
    builder.environment().remove("JAVA_HOME");
    builder.environment().remove("PAW_JAVA");
    builder.environment().put("PAW_PRINT_JAVA", "1");
    builder.environment().put("PAW_JVM_DIRS", jvms.toString());
    builder.environment().put("PATH", toolsWithoutJava().toString());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void theNewestRunnableJdkWinsAndJdk25UsesTheAotCache() throws Exception {
    jdk("jdk-17", "17.0.15", true);
    Path newest = jdk("jdk-25", "25.0.3", true);
    jdk("jdk-21", "21.0.1", true);
    jdk("jdk-26-broken", "26", false); // no runnable java: skipped

    assertThat(choice(Map.of())).isEqualTo("java=" + newest + " major=25 cache=aot");
  }

  @Test
  void beforeJdk25TheClassDataArchiveIsUsed() throws Exception {
    Path only = jdk("jdk-21", "21.0.1", true);
    jdk("no-release", "", true);

    assertThat(choice(Map.of())).isEqualTo("java=" + only + " major=21 cache=cds");
  }

  @Test
  void withoutAnyJdkFoundTheLauncherLeavesItToJavaOnThePath() throws Exception {
    assertThat(choice(Map.of())).isEqualTo("java=java major=unknown cache=cds");
  }

  @Test
  void javaHomeCountsAsACandidate() throws Exception {
    Path home = jdk("jdk-17", "17.0.15", true);
    Path elsewhere = Files.createDirectories(jvms.resolveSibling(jvms.getFileName() + "-home"));
    Path java = jdk("../" + elsewhere.getFileName() + "/jdk-25", "25.0.1", true);
    assertThat(choice(Map.of("JAVA_HOME", java.getParent().getParent().toString())))
        .isEqualTo("java=" + java + " major=25 cache=aot");
    assertThat(home).exists();
  }

  @Test
  void pawJavaOverridesTheChoice() throws Exception {
    Path older = jdk("jdk-17", "17.0.15", true);
    jdk("jdk-25", "25.0.3", true);

    assertThat(choice(Map.of("PAW_JAVA", older.toString())))
        .isEqualTo("java=" + older + " major=17 cache=cds");
  }
}

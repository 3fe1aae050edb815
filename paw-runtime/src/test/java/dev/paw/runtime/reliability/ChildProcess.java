package dev.paw.runtime.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link PawChild} JVM started with the test class path, whose output lines the test reads as
 * they come.
 */
final class ChildProcess implements AutoCloseable {

  /** The exit status of a process killed by SIGKILL (128 + 9). */
  static final int KILLED = 137;

  private static final String END = "\0end of output";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

  private ChildProcess(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  seen.add(line);
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process was killed: its output ends here
              }
              lines.add(END);
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code PawChild} with {@code args}, with this JVM's class path; standard error joins the
   * output.
   */
  static ChildProcess start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                PawChild.class.getName()));
    command.addAll(List.of(args));
    return new ChildProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /**
   * Waits (at most {@code timeout}) for a line that {@code wanted} accepts; fails when the output
   * ends first.
   */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError(
            "no expected line within " + timeout + "; output so far:\n" + output());
      }
      if (line == END) {
        throw new AssertionError("the child ended without the expected line; output:\n" + output());
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /**
   * Kills the process with SIGKILL (what {@link Process#destroyForcibly} sends on Linux) and
   * returns its status.
   */
  int killHard() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the child survived SIGKILL for 30 s");
    }
    return process.exitValue();
  }

  /** Waits (at most {@code timeout}) for the process to end on its own and returns its status. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the child did not end within " + timeout + "; output:\n" + output());
    }
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  String output() {
    synchronized (seen) {
      return String.join("\n", seen);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}

package dev.paw.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal for tests: captures what paw prints and answers its prompts from a script. */
final class ScriptedTerminal implements Terminal {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final PrintWriter outWriter = new PrintWriter(out, true);
  private final PrintWriter errWriter = new PrintWriter(err, true);
  private final boolean interactive;
  private final Deque<String> answers = new ArrayDeque<>();
  final List<String> prompts = new ArrayList<>();
  private String input = "";

  ScriptedTerminal(boolean interactive, String... answers) {
    this.interactive = interactive;
    this.answers.addAll(List.of(answers));
  }

  /** Gives {@code text} as standard input. */
  ScriptedTerminal withInput(String text) {
    this.input = text;
    return this;
  }

  /** Everything printed to standard output so far. */
  String printed() {
    return out.toString();
  }

  /** Everything printed to standard error so far. */
  String errors() {
    return err.toString();
  }

  @Override
  public PrintWriter out() {
    return outWriter;
  }

  @Override
  public PrintWriter err() {
    return errWriter;
  }

  @Override
  public boolean interactive() {
    return interactive;
  }

  @Override
  public String readLine(String prompt) {
    prompts.add(prompt);
    return answers.poll();
  }

  @Override
  public String readAllInput() {
    String text = input;
    input = "";
    return text;
  }

  @Override
  public char[] readSecret(String prompt) {
    prompts.add(prompt);
    String answer = answers.poll();
    return answer == null ? null : answer.toCharArray();
  }
}
